/**
 * The workbench's library and editor chores in a real browser: import a 50-actor scenario from a
 * file, run it, undo and redo an edit, rename, duplicate, delete, and compare two stored runs.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../support/browser.js';
import { screenshotDir, startWorkbench, stopWorkbench } from '../support/e2e.js';
import type { TestServer } from '../support/workbench.js';

const shots = screenshotDir;
let server: TestServer;
let browser: LaunchedBrowser;

before(async () => {
  ({ server, browser } = await startWorkbench());
});
after(() => stopWorkbench({ server, browser }));

/**
 * Fifty actors spread over one 0–100 issue, capabilities and saliences varied deterministically; named
 * as a KTAB import names them (the Description column, the same for most actors), except the first.
 */
function fiftyActors(): object {
  return {
    title: 'Fifty actors',
    salienceScale: 100,
    issues: [{ id: 'budget', name: 'Budget', scale: { min: 0, max: 100, minLabel: 'cut', maxLabel: 'double' } }],
    actors: Array.from({ length: 50 }, (_, index) => ({
      id: `a${index + 1}`,
      name: index === 0 ? 'Alpha' : 'Random Spatial Actor',
      capability: 10 + ((index * 37) % 90),
      stances: { budget: { position: (index * 53) % 101, salience: 20 + ((index * 29) % 80) } },
    })),
  };
}

async function runAndWait(page: Page): Promise<string> {
  const before = await page.locator('#run-status').innerText();
  await page.click('#run');
  await page.waitForFunction(`(() => {
    const text = document.querySelector('#run-status')?.textContent ?? '';
    return text !== ${JSON.stringify(before)} && / ms$/u.test(text);
  })()`);
  return page.locator('#run-status').innerText();
}

test('import, run 50 actors, undo/redo, rename, duplicate, delete, compare', async (t) => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');

  // Import from the file picker: the new scenario opens.
  await page.setInputFiles('#import-file', { name: 'fifty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fiftyActors())) });
  await page.waitForSelector('#scenario-heading:has-text("Fifty actors")');
  assert.equal(await page.locator('#actors-table tbody tr').count(), 50);

  // Run the three default models on 50 actors in the worker.
  await page.click('#tab-results');
  const status = await runAndWait(page);
  t.diagnostic(`50 actors, 3 models, 10 rounds: ${status}`);
  await page.waitForSelector('#dyad-chart rect[data-dyad]');
  await page.locator('#rounds-chart').scrollIntoViewIfNeeded();
  await page.waitForFunction(`getComputedStyle(document.querySelector('#toast')).opacity === '0'`);
  await page.screenshot({ path: `${shots}/7-fifty-actors.png` });
  await page.locator('#rounds-chart').screenshot({ path: `${shots}/7b-fifty-actors-rounds.png` });

  // Actors sharing a name are labelled by id, everywhere: one line, one row, one legend entry each.
  const legend = await page.locator('#rounds-chart svg .svg-legend text').allTextContents();
  assert.deepEqual(legend, ['weighted median', 'weighted mean', 'Alpha', ...Array.from({ length: 49 }, (_, index) => `a${index + 2}`)]);
  assert.equal(await page.locator('#rounds-chart svg g[aria-label="line"] path').count(), 50 + 2);
  assert.match(await page.locator('#rounds-chart .chart-note').innerText(), /50 actors share 8 colours: each colour with 7 shapes/u);
  const forecastRows = await page.locator('#forecast-chart svg g[aria-label="y-axis tick label"] text').allTextContents();
  assert.equal(new Set(forecastRows).size, 50);
  assert.ok(forecastRows.includes('Alpha') && forecastRows.includes('a50') && !forecastRows.includes('Random Spatial Actor'));
  assert.equal(await page.locator('#dyad-chart rect[data-dyad]').count(), 50 * 49);
  await page.locator('#dyad-chart rect[data-dyad="a2|a3"]').focus();
  assert.match(await page.locator('#dyad-explanation').innerText(), /\ba2\b.*\ba3\b|\ba3\b.*\ba2\b/su);

  // Undo and redo an edit, with the buttons and the keyboard.
  await page.click('#tab-editor');
  const capability = page.locator('[data-field="actors[0].capability"]');
  const original = await capability.inputValue();
  await capability.fill('77');
  await capability.press('Tab');
  await page.click('#undo');
  assert.equal(await page.locator('[data-field="actors[0].capability"]').inputValue(), original);
  await page.click('#redo');
  assert.equal(await page.locator('[data-field="actors[0].capability"]').inputValue(), '77');
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('[data-field="actors[0].capability"]').inputValue(), original);

  // Keyboard: ArrowDown and Enter move down a column.
  await page.locator('[data-field="actors[0].capability"]').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate('document.activeElement.dataset.field'), 'actors[1].capability');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate('document.activeElement.dataset.field'), 'actors[2].capability');

  // Drag and drop a YAML file onto the page: it is imported and opened.
  const dropped = 'title: Dropped\nissues:\n  - id: x\nactors:\n  - { id: p, capability: 1, stances: { x: { position: 10, salience: 50 } } }\n  - { id: q, capability: 2, stances: { x: { position: 90, salience: 50 } } }\n';
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.items.add(new File([${JSON.stringify(dropped)}], 'dropped.yaml'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  })()`);
  await page.waitForSelector('#scenario-heading:has-text("Dropped")');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.click('#delete-scenario');
  await page.waitForFunction(`!document.querySelector('#library').textContent.includes('Dropped')`);
  await page.click('#library .library-item:has-text("Fifty actors")');
  await page.waitForSelector('#scenario-heading:has-text("Fifty actors")');

  // Rename (a prompt), duplicate, delete the copy (a confirmation).
  page.once('dialog', (dialog) => void dialog.accept('Fifty, renamed'));
  await page.click('#rename-scenario');
  await page.waitForSelector('#library :text("Fifty, renamed")');
  await page.click('#duplicate-scenario');
  await page.waitForSelector('#scenario-heading:has-text("Fifty, renamed (copy)")');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.click('#delete-scenario');
  await page.waitForFunction(`!document.querySelector('#library').textContent.includes('(copy)')`);
  const titles = ((await server.request('GET', '/api/scenarios')).body as { items: { title: string }[] }).items.map((entry) => entry.title);
  assert.deepEqual(titles.sort(), ['Fifty, renamed', 'US–Russia back-channel over Ukraine (January 2024)']);

  // Two saved runs of the worked example, compared side by side.
  await page.click('#library .library-item:has-text("back-channel")');
  await page.waitForSelector('#scenario-heading:has-text("back-channel")');
  await page.click('#tab-results');
  await runAndWait(page);
  await page.click('#save-run');
  await page.waitForSelector('#save-run:disabled');
  await page.click('#tab-history');
  const boxes = page.locator('#history-table input[type="checkbox"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.waitForSelector('#comparison');
  assert.match(await page.locator('#comparison h3').innerText(), /Comparing #\d+ .* and #\d+ /u);
  await page.screenshot({ path: `${shots}/8-compare.png`, fullPage: true });
  await page.close();
  assert.deepEqual(errors, []);
});
