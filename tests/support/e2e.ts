/**
 * What every browser test of the workbench starts with: the built app, a fresh server on an ephemeral
 * port with a temporary database, headless Chromium, and the folder its screenshots go to
 * (artifacts/e2e/, git-ignored). Call `startWorkbench` in `before` and `stopWorkbench` in `after`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { launchBrowser, type LaunchedBrowser } from './browser.js';
import { fromRepo } from './paths.js';
import { startTestServer, type TestServer } from './workbench.js';

/** Where the e2e tests keep their screenshots. */
export const screenshotDir = fromRepo('artifacts', 'e2e');

export interface Workbench {
  server: TestServer;
  browser: LaunchedBrowser;
}

/**
 * The browser first, then the server: a browser that is missing or fails to launch throws before
 * anything is listening, and a server that fails to start closes the browser, so the run always ends.
 */
export async function startWorkbench(): Promise<Workbench> {
  assert.ok(existsSync(fromRepo('web', 'dist', 'index.html')), 'the web app is not built: run `npm run build:web`');
  mkdirSync(screenshotDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    return { server: await startTestServer(), browser };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export async function stopWorkbench(workbench: Partial<Workbench>): Promise<void> {
  await workbench.browser?.close();
  await workbench.server?.stop();
}
