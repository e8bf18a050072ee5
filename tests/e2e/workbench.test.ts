/**
 * The workbench in a real browser: open the app, load the worked example, change a salience, run EUM,
 * see the chart change, save, reload the page and find the run in the history. A screenshot of each
 * main view is kept in artifacts/e2e/ (not committed).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { StoredScenario } from '../../src/store/records.js';
import type { LaunchedBrowser } from '../support/browser.js';
import { screenshotDir, startWorkbench, stopWorkbench } from '../support/e2e.js';
import { exportedSvg, svgTexts } from '../support/svgExport.js';
import type { TestServer } from '../support/workbench.js';

const shots = screenshotDir;
let server: TestServer;
let browser: LaunchedBrowser;
const pageErrors: string[] = [];

before(async () => {
  ({ server, browser } = await startWorkbench());
});
after(() => stopWorkbench({ server, browser }));

async function openApp(page: Page): Promise<void> {
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });

/** The forecast outcomes table, as text: it changes when the forecast changes. */
const outcomes = (page: Page) => page.locator('#outcomes').innerText();
/** The round-by-round chart's drawn lines. */
const roundsLines = (page: Page) => page.locator('#rounds-chart svg').innerHTML();

async function run(page: Page): Promise<void> {
  const status = page.locator('#run-status');
  const before = await status.innerText();
  await page.click('#run');
  // Page-side predicates are strings: this file is type-checked without the DOM library.
  await page.waitForFunction(`(() => {
    const text = document.querySelector('#run-status')?.textContent ?? '';
    return text !== ${JSON.stringify(before)} && / ms$/u.test(text);
  })()`);
  await page.waitForSelector('#rounds-chart svg');
}

test('load the worked example, change a salience, run EUM, save, reload, find the run', async () => {
  const page = await browser.context.newPage();
  await openApp(page);

  // The library holds the worked example and it is open in the editor.
  await page.waitForSelector('#library .library-item');
  assert.match(await page.locator('#library').innerText(), /back-channel/u);
  await page.waitForSelector('#actors-table');
  await shot(page, '1-editor');

  // Run the unchanged scenario with EUM only, to have a chart to compare against.
  await page.click('#tab-results');
  for (const box of await page.locator('input[name="model"]').all()) {
    const wanted = (await box.getAttribute('value')) === 'eum';
    if ((await box.isChecked()) !== wanted) await box.click();
  }
  await run(page);
  const outcomesBefore = await outcomes(page);
  const linesBefore = await roundsLines(page);

  // Change a salience: first to a non-number (shown inline on that cell), then to a real value.
  await page.click('#tab-editor');
  const salience = page.locator('[data-field="actors[1].stances.settlement.salience"]');
  assert.equal(await salience.inputValue(), '100', 'the worked example: Ukraine cares most about the settlement');
  await salience.fill('lots');
  await page.waitForSelector('[data-field="actors[1].stances.settlement.salience"][aria-invalid="true"]');
  // The problem is in words (issue 14, item 20), not a field path.
  assert.match(await page.locator('#problems').innerText(), /Ukraine's salience on Terms of a Russia–Ukraine settlement: /u);
  assert.doesNotMatch(await page.locator('#problems').innerText(), /actors\[1\]/u);
  await shot(page, '2-inline-error');
  // What if Ukraine cared much less? (In the worked example this moves EUM's forecast.)
  const changed = 10;
  await salience.fill(String(changed));
  await salience.press('Tab');
  await page.waitForFunction(`document.querySelectorAll('[aria-invalid="true"]').length === 0`);

  // Run EUM again: the forecast and the round-by-round chart change.
  await page.click('#tab-results');
  await run(page);
  assert.notEqual(await outcomes(page), outcomesBefore, 'the forecast did not change with the salience');
  assert.notEqual(await roundsLines(page), linesBefore, 'the chart did not change with the salience');
  await page.waitForSelector('#forecast-chart svg');
  await shot(page, '3-charts');
  await page.locator('#forecast-chart').screenshot({ path: `${shots}/3b-forecast-chart.png` });

  // The dyad matrix explains a cell on focus.
  const cell = page.locator('#dyad-chart rect[data-dyad]').nth(1);
  await cell.scrollIntoViewIfNeeded();
  await cell.focus();
  const explanation = await page.locator('#dyad-explanation').innerText();
  assert.doesNotMatch(explanation, /Hover over/u);
  assert.ok(explanation.length > 20, explanation);
  await page.locator('#dyad-chart').screenshot({ path: `${shots}/4-dyad-matrix.png` });

  // Every chart exports as SVG and CSV (PNG is drawn from the same SVG). The exports are self-contained:
  // the legends and labels are inside the SVG, not in HTML beside it.
  const actorNames = ((await server.request('GET', '/api/scenarios/1')).body as StoredScenario).scenario.actors.map((actor) => actor.name ?? actor.id);
  assert.equal(actorNames.length, 7);
  const roundsTexts = svgTexts(await exportedSvg(page, '#rounds-chart'));
  for (const name of [...actorNames, 'weighted median', 'weighted mean']) assert.ok(roundsTexts.includes(name), `the rounds chart’s SVG export lacks "${name}"`);
  const forecastTexts = svgTexts(await exportedSvg(page, '#forecast-chart'));
  assert.ok(forecastTexts.some((text) => /\bEUM: \d/u.test(text)), 'the forecast chart’s SVG export lacks the model label');
  for (const name of actorNames) assert.ok(forecastTexts.some((text) => text === name || (text.endsWith('…') && name.startsWith(text.slice(0, -1)))), `the forecast chart’s SVG export lacks "${name}"`);
  const dyadTexts = svgTexts(await exportedSvg(page, '#dyad-chart'));
  for (const perception of ['conflict, won', 'compromise (gives)', 'capitulation (gains)', 'stalemate']) assert.ok(dyadTexts.includes(perception), `the dyad matrix’s SVG export lacks "${perception}"`);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#rounds-chart [data-export="csv"]')]);
  // After its '# key: value' lines (what the chart is: docs/workbench.md), the header and the data.
  assert.match(readFileSync((await csvDownload.path())!, 'utf8'), /^# chart: [^\n]*\n(?:# [^\n]*\n)*round,series,position\n0,/u);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#dyad-chart [data-export="png"]')]);
  assert.deepEqual([...readFileSync((await pngDownload.path())!).subarray(1, 4)], [...Buffer.from('PNG')]);

  // Save: the scenario (it changed) and the run go to the store.
  await page.click('#save-run');
  await page.waitForSelector('#save-run:disabled');

  // Reload: the run is in the history, with the changed salience in its snapshot.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#tab-history');
  await page.waitForSelector('#history-table tbody tr');
  const history = await page.locator('#history-table').innerText();
  assert.match(history, /eum/u);
  const runs = ((await server.request('GET', `/api/scenarios/1/runs`)).body as { items: { id: number }[] }).items;
  assert.equal(runs.length, 1);
  const stored = (await server.request('GET', `/api/runs/${runs[0]!.id}`)).body as { scenario: { actors: { stances: Record<string, { salience: number }> }[] } };
  assert.equal(stored.scenario.actors[1]!.stances.settlement!.salience, changed);
  await shot(page, '5-history');

  // Reopen the run from the history: its charts come back.
  await page.click('#history-table tbody tr button:has-text("Open")');
  await page.waitForSelector('#rounds-chart svg');
  assert.match(await page.locator('#run-status').innerText(), /Run #\d+/u);

  // Usable at 800 px wide.
  await page.setViewportSize({ width: 800, height: 800 });
  await page.click('#tab-editor');
  await shot(page, '6-narrow-editor');
  await page.close();

  assert.deepEqual(pageErrors, []);
});
