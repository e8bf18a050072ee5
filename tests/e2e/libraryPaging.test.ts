/**
 * The library sidebar reads the library a page at a time (GET /api/scenarios?limit&offset): with more
 * scenarios than a page it lists the first page and offers "Show more", which reads the next.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LaunchedBrowser } from '../support/browser.js';
import { startWorkbench, stopWorkbench } from '../support/e2e.js';
import { crowdScenario, type TestServer } from '../support/workbench.js';

let server: TestServer;
let browser: LaunchedBrowser;

before(async () => {
  ({ server, browser } = await startWorkbench());
});
after(() => stopWorkbench({ server, browser }));

test('with 250 scenarios the sidebar lists 200 and "Show more" lists the rest', async () => {
  // The worked example and 249 more, straight into the store.
  for (let index = 0; index < 249; index++) server.running.store.scenarios.create({ ...crowdScenario(2), title: `Paged ${String(index).padStart(3, '0')}` });
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#library .library-item');
  assert.equal(await page.locator('#library li').count(), 200);
  assert.equal(await page.locator('#library-more').innerText(), 'Show more (200 of 250)');
  await page.click('#library-more');
  await page.waitForFunction(`document.querySelectorAll('#library li').length === 250`);
  assert.equal(await page.locator('#library-more').count(), 0);
  assert.match(await page.locator('#library li').last().innerText(), /US–Russia back-channel/u);
  await page.close();
});
