/**
 * The workbench's start: one store (app/store.ts), the registered views (views.ts) in the shell
 * (app/shell.ts), and the page-wide handlers — keys, dropped files, unsaved changes, resizing.
 */
import { Shell } from './app/shell.js';
import { reportError, Store } from './app/store.js';
import { viewFactories } from './views.js';

function enableDrop(store: Store): void {
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    document.body.classList.remove('dragging');
    const files = event.dataTransfer?.files;
    if (files && files.length > 0) store.guarded((dropped: FileList) => store.importFiles(dropped))(files);
  });
}

async function start(): Promise<void> {
  const store = new Store();
  const shell = new Shell(store, viewFactories);
  document.addEventListener('keydown', (event) => shell.handleKeys(event));
  enableDrop(store);
  window.addEventListener('beforeunload', (event) => {
    if (store.isDirty()) event.preventDefault();
  });
  window.addEventListener('resize', () => {
    if (shell.active()?.redrawOnResize) shell.render();
  });
  await shell.route();
  document.body.dataset.ready = 'true';
}

start().catch(reportError);
