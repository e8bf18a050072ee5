/**
 * The exchange model in the workbench: run it on the worked example and find the realised exchanges,
 * the preference-vs-voting chart and the externalities; the round slider redraws them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { LaunchedBrowser } from '../support/browser.js';
import { screenshotDir, startWorkbench, stopWorkbench } from '../support/e2e.js';
import type { TestServer } from '../support/workbench.js';

let server: TestServer;
let browser: LaunchedBrowser;

before(async () => {
  ({ server, browser } = await startWorkbench());
});
after(() => stopWorkbench({ server, browser }));

test('the exchange model: exchanges table, preference vs voting chart, externalities, round slider', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#actors-table');
  await page.click('#tab-results');
  for (const box of await page.locator('input[name="model"]').all()) {
    const wanted = (await box.getAttribute('value')) === 'exchange';
    if ((await box.isChecked()) !== wanted) await box.click();
  }
  await page.click('#run');
  await page.waitForSelector('#exchange-exchanges #exchange-table tbody tr');
  assert.match(await page.locator('#exchange-exchanges h3').innerText(), /Realised exchanges — round 1/u);
  assert.ok((await page.locator('#exchange-table tbody tr').count()) >= 1);
  assert.match(await page.locator('#exchange-table').innerText(), /Russia/u);
  assert.equal(await page.locator('#exchange-voting svg').count(), 1);
  assert.match(await page.locator('#exchange-externalities-table').innerText(), /Ukraine/u);
  await page.screenshot({ path: `${screenshotDir}/exchange.png`, fullPage: false });
  // Its exports say what they are, as every chart card's do (docs/workbench.md): scenario, model and round.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#exchange-voting [data-export="csv"]')]);
  const lines = readFileSync((await csv.path())!, 'utf8').split('\n');
  assert.match(lines[0]!, /^# chart: Preference vs voting position/u);
  for (const line of [/^# scenario: US–Russia back-channel/u, /^# model: /u, /^# round: round 1 of \d+$/u]) assert.ok(lines.some((text) => line.test(text)), `the voting card's CSV lacks ${line}`);

  await page.locator('#exchange-round').fill('3');
  await page.locator('#exchange-round').dispatchEvent('input');
  await page.locator('#exchange-round').dispatchEvent('change');
  await page.waitForSelector('#exchange-exchanges h3:has-text("round 3")');
  assert.deepEqual(errors, []);
});
