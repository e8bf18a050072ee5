/**
 * The History tab reads a scenario's runs a page at a time (GET /api/scenarios/:id/runs?limit&offset):
 * with more runs than a page it lists the newest page and offers "Show older runs", which reads the
 * next; the tab's count is every run the scenario has.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runModel } from '../../src/models/registry.js';
import type { LaunchedBrowser } from '../support/browser.js';
import { startWorkbench, stopWorkbench } from '../support/e2e.js';
import type { TestServer } from '../support/workbench.js';

let server: TestServer;
let browser: LaunchedBrowser;

before(async () => {
  ({ server, browser } = await startWorkbench());
});
after(() => stopWorkbench({ server, browser }));

test('with 250 runs the History tab lists the newest 200 and "Show older runs" lists the rest', async () => {
  const { store } = server.running;
  const example = store.scenarios.list()[0]!;
  const scenario = store.scenarios.get(example.id)!.scenario;
  const forecast = runModel('mean', scenario);
  for (let index = 0; index < 250; index++) store.runs.create({ scenarioId: example.id, scenario, model: 'mean', options: {}, parleyVersion: 'test', forecast });
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#library .library-item');
  await page.click('#library .library-item');
  await page.click('#tab-history');
  await page.waitForSelector('#history-table tbody tr');
  assert.equal(await page.locator('#history-table tbody tr').count(), 200);
  assert.match(await page.locator('#tab-history').innerText(), /History \(250\)/u);
  assert.equal(await page.locator('#history-more').innerText(), 'Show older runs (200 of 250)');
  await page.click('#history-more');
  await page.waitForFunction(`document.querySelectorAll('#history-table tbody tr').length === 250`);
  assert.equal(await page.locator('#history-more').count(), 0);
  await page.close();
});
