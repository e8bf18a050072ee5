/**
 * The workbench's analyses in a real browser: a Monte Carlo sweep in Web Workers (bit-identical for
 * any number of workers, the library's numbers), stored and reopened from the history; the SMP's positions turn by turn on two
 * issues; and the DEU III backtest run by the server. Screenshots go to artifacts/e2e/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { runBacktest } from '../../src/analysis/backtest/backtest.js';
import { buildCases, selectSubset } from '../../src/analysis/backtest/cases.js';
import { parseCapabilityRule } from '../../src/analysis/backtest/capability.js';
import { parseNoise, parseThreshold, runSweep, type SweepResult } from '../../src/analysis/sweep/index.js';
import { runModel } from '../../src/models/registry.js';
import type { StoredRun, StoredScenario } from '../../src/store/records.js';
import type { LaunchedBrowser } from '../support/browser.js';
import { screenshotDir, startWorkbench, stopWorkbench } from '../support/e2e.js';
import { shippedDeuDataset } from '../support/deu3Data.js';
import { csvData, exportedSvg, svgTexts } from '../support/svgExport.js';
import type { TestServer } from '../support/workbench.js';

const shots = screenshotDir;
let server: TestServer;
let browser: LaunchedBrowser;
let worked: StoredScenario;

before(async () => {
  ({ server, browser } = await startWorkbench());
  worked = (await server.request('GET', '/api/scenarios/1')).body as StoredScenario;
});
after(() => stopWorkbench({ server, browser }));

async function openApp(errors: string[]): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Sets a number or text field the way a person does: type, then leave it. */
async function setField(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Tab');
}

/** Runs the sweep as configured on the page and returns the result it downloads as JSON. */
async function sweepOnPage(page: Page, runs: number): Promise<SweepResult> {
  await page.click('#run-sweep');
  await page.waitForSelector(`#sweep-status:has-text("Swept ${runs} runs")`);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#sweep-json')]);
  return JSON.parse(readFileSync((await json.path())!, 'utf8')) as SweepResult;
}

/**
 * Equal structure, and every number equal to within 1e-9 of its size: Chromium's V8 computes
 * Math.exp and Math.log a last bit differently from Node 20's for some arguments, so an EUM sweep in
 * the browser can differ from Node's in the last bits (the same engine always gives the same bits).
 */
function assertClose(actual: unknown, expected: unknown, path = 'result'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${path}: ${actual} vs ${expected}`);
  } else if (expected !== null && typeof expected === 'object') {
    assert.equal(typeof actual, 'object', path);
    assert.deepEqual(Object.keys(actual as object), Object.keys(expected), path);
    for (const key of Object.keys(expected)) assertClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
  } else assert.equal(actual, expected, path);
}

test('sweep the worked example in Web Workers: any number of workers, the library numbers, stored and reopened', async () => {
  const errors: string[] = [];
  const page = await openApp(errors);
  await page.click('#tab-sweep');
  await setField(page, '#sweep-runs', '400');
  await setField(page, '#sweep-seed', '7');
  await setField(page, '#sweep-thresholds', 'settlement:50');
  const onTwo = await sweepOnPage(page, 400);
  assert.match(await page.locator('#sweep-status').innerText(), /on 2 Web Workers/u);
  await page.waitForSelector('#sweep-histogram svg');
  await page.waitForSelector('#sweep-tornado svg');
  await page.screenshot({ path: `${shots}/9-sweep.png`, fullPage: true });
  await page.locator('#sweep-histogram').screenshot({ path: `${shots}/9b-sweep-histogram.png` });
  await page.locator('#sweep-tornado').screenshot({ path: `${shots}/9c-sweep-tornado.png` });

  // The library, single-threaded in Node, on the same spec.
  const library = runSweep({
    scenario: worked.scenario,
    model: 'eum',
    options: { rounds: 10 },
    runs: 400,
    seed: 7,
    noise: ['position=normal:5%', 'salience=normal:10%', 'capability=normal:10%'].map((text) => parseNoise(text)),
    shocks: [],
    thresholds: [parseThreshold('settlement:50')],
    histogramBins: 20,
  });
  assertClose(onTwo, library);
  const settlement = library.issues[0]!;
  const medianCell = page.locator('#sweep-summary tr[data-issue="settlement"] td').nth(5);
  assert.equal(await medianCell.innerText(), settlement.quantiles.p50.toFixed(1));

  // Exports: the tornado's data as CSV (every estimate), the histogram as SVG.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#sweep-tornado [data-export="csv"]')]);
  const csvLines = csvData(readFileSync((await csv.path())!, 'utf8'));
  assert.equal(csvLines[0], 'issue,rank,input,value,low,high,outcomeLow,outcomeHigh,swing,firstOrder');
  assert.equal(csvLines.length, 1 + settlement.sensitivity.length);
  assert.match(csvLines[1]!, new RegExp(`^settlement,1,${settlement.sensitivity[0]!.input.replace(/\./gu, '\\.')},`, 'u'));
  // The SVG exports carry their labels and legend.
  const histogramTexts = svgTexts(await exportedSvg(page, '#sweep-histogram'));
  assert.ok(histogramTexts.includes(`baseline ${settlement.baseline.toFixed(1)}`), 'the histogram’s SVG export lacks the baseline label');
  assert.ok(histogramTexts.includes(`median ${settlement.quantiles.p50.toFixed(1)}`), 'the histogram’s SVG export lacks the median label');
  const tornadoTexts = svgTexts(await exportedSvg(page, '#sweep-tornado'));
  for (const end of ['estimate at its 5th percentile', 'estimate at its 95th percentile']) assert.ok(tornadoTexts.includes(end), `the tornado’s SVG export lacks "${end}"`);

  // Save: the server runs the sweep again (in Node: exactly the library's bits) and stores it as a run of kind "sweep".
  await page.click('#save-sweep');
  await page.waitForSelector('#save-sweep:has-text("Saved as run #")');
  const runId = Number(/#(\d+)/u.exec(await page.locator('#save-sweep').innerText())![1]);
  const stored = (await server.request('GET', `/api/runs/${runId}`)).body as StoredRun;
  assert.equal(stored.kind, 'sweep');
  // Compared as stored (JSON): the library's records keyed by actor ids have no prototype.
  assert.deepEqual(stored.sweepResult, JSON.parse(JSON.stringify(library)));

  // One worker instead of two: bit-identical in the browser.
  await setField(page, '#sweep-workers', '1');
  const onOne = await sweepOnPage(page, 400);
  assert.match(await page.locator('#sweep-status').innerText(), /on 1 Web Worker in/u);
  assert.deepEqual(onOne, onTwo);

  // A sweep whose arithmetic needs no exp or log (uniform noise, a weighted mean), on 3 workers:
  // bit-identical to the library in Node too.
  await page.selectOption('#sweep-model', 'weighted-mean');
  await setField(page, '#sweep-noise', 'position=uniform:10\ncapability=uniform:20%');
  await setField(page, '#sweep-workers', '3');
  await setField(page, '#sweep-runs', '300');
  const linear = await sweepOnPage(page, 300);
  const linearLibrary = runSweep({
    scenario: worked.scenario,
    model: 'weighted-mean',
    runs: 300,
    seed: 7,
    noise: [parseNoise('position=uniform:10'), parseNoise('capability=uniform:20%')],
    shocks: [],
    thresholds: [parseThreshold('settlement:50')],
    histogramBins: 20,
  });
  assert.deepEqual(linear, JSON.parse(JSON.stringify(linearLibrary)));

  // Reload: the history lists the stored sweep with its median and 90% range, and reopens it as it was.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#tab-history');
  const row = page.locator(`#history-table tr[data-run="${runId}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /sweep of eum: 400 runs, seed 7/u);
  assert.match(await row.innerText(), new RegExp(`${settlement.quantiles.p50.toFixed(1)} \\(${settlement.quantiles.p5.toFixed(1)}–${settlement.quantiles.p95.toFixed(1)}\\)`, 'u'));
  await page.screenshot({ path: `${shots}/10-history-with-sweep.png` });
  await row.locator('button:has-text("Open")').click();
  await page.waitForSelector('#sweep-histogram svg');
  assert.match(await page.locator('#sweep-status').innerText(), new RegExp(`Run #${runId} .*stored`, 'u'));
  assert.equal(await page.locator('#sweep-summary tr[data-issue="settlement"] td').nth(5).innerText(), settlement.quantiles.p50.toFixed(1));
  await page.close();
  assert.deepEqual(errors, []);
});

test('SMP on the worked example: positions turn by turn on two issues, and the weighted outcome', async () => {
  const errors: string[] = [];
  const page = await openApp(errors);
  await page.click('#tab-results');
  for (const box of await page.locator('input[name="model"]').all()) {
    const wanted = (await box.getAttribute('value')) === 'smp';
    if ((await box.isChecked()) !== wanted) await box.click();
  }
  await page.click('#run');
  await page.waitForSelector('#smp-plane svg');
  const smp = runModel('smp', worked.scenario);
  const [settlement, talks] = smp.issues;
  const last = settlement!.rounds.length - 1;
  const text = await page.locator('#smp-outcome').innerText();
  assert.match(text, new RegExp(`After turn ${last}: probability-weighted outcome .*settlement ${settlement!.outcome.toFixed(2)}, .*negotiations ${talks!.outcome.toFixed(2)}\\.`, 'u'));
  assert.match(text, new RegExp(`Most probable final position: \\(${settlement!.mostProbable!.position.toFixed(2)}, ${talks!.mostProbable!.position.toFixed(2)}\\)`, 'u'));
  await page.locator('#smp-plane').screenshot({ path: `${shots}/11-smp-plane.png` });
  const planeTexts = svgTexts(await exportedSvg(page, '#smp-plane'));
  for (const actor of worked.scenario.actors) assert.ok(planeTexts.includes(actor.name ?? actor.id), `the SMP plane’s SVG export lacks "${actor.name ?? actor.id}"`);
  assert.ok(planeTexts.includes('weighted outcome'));

  // Swap the axes, then go back to the start: the paths stay, the weighted outcome moves.
  await page.selectOption('#smp-x', 'talks');
  await page.waitForSelector('#smp-plane [aria-label^="SMP positions on US–Russia negotiations and Terms"]');
  await page.locator('#smp-turn').fill('0');
  await page.locator('#smp-turn').dispatchEvent('change');
  await page.waitForSelector('#smp-outcome:has-text("After turn 0")');
  const csvPromise = page.waitForEvent('download');
  await page.click('#smp-plane [data-export="csv"]');
  const csv = csvData(readFileSync((await (await csvPromise).path())!, 'utf8'));
  assert.equal(csv[0], 'turn,series,talks,settlement,probability');
  assert.equal(csv.length, 1 + (last + 1) * (worked.scenario.actors.length + 1));
  await page.locator('#smp-plane').screenshot({ path: `${shots}/11b-smp-plane-turn-0.png` });
  await page.close();
  assert.deepEqual(errors, []);
});

test('the DEU III backtest: runs on the server with progress, charted with intervals, cached', async () => {
  const errors: string[] = [];
  const page = await openApp(errors);
  await page.click('#open-backtest');
  await page.selectOption('#backtest-subset', 'unanimity');
  await page.click('#run-backtest');
  await page.waitForSelector('#backtest-status:has-text("Running…")');
  await page.screenshot({ path: `${shots}/12a-backtest-running.png` });
  await page.waitForSelector('#backtest-table', { timeout: 120_000 });
  await page.waitForSelector('#backtest-mae svg');
  await page.waitForSelector('#backtest-difference svg');
  await page.screenshot({ path: `${shots}/12-backtest.png`, fullPage: true });
  await page.locator('#backtest-mae').screenshot({ path: `${shots}/12b-backtest-mae.png` });

  // The library on the same cases and settings gives the numbers shown.
  const cases = selectSubset(buildCases(shippedDeuDataset(), parseCapabilityRule('equal')), 'unanimity');
  const library = runBacktest(cases, { replicates: 1000, seed: 1, folds: 10 });
  const compromise = library.rows.find((row) => row.id === 'weighted-mean')!.metrics.mae;
  const shown = await page.locator('#backtest-table tr[data-predictor="weighted-mean"] td[data-metric="mae"]').innerText();
  assert.equal(shown, `${compromise.value.toFixed(2)} [${compromise.low.toFixed(2)}, ${compromise.high.toFixed(2)}]`);
  assert.equal(await page.locator('#backtest-table tbody tr').count(), library.rows.length);
  assert.match(await page.locator('#backtest-summary').innerText(), new RegExp(`^${library.issues} issues in ${library.proposals} proposals`, 'u'));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#backtest-mae [data-export="csv"]')]);
  const csvLines = csvData(readFileSync((await csv.path())!, 'utf8'));
  assert.equal(csvLines[0], 'predictor,kind,mae,low,high');
  assert.ok(csvLines.includes(`weighted-mean,model,${compromise.value},${compromise.low},${compromise.high}`));
  const maeTexts = svgTexts(await exportedSvg(page, '#backtest-mae'));
  for (const kind of ['baseline', 'model', 'fitted']) assert.ok(maeTexts.includes(kind), `the backtest chart’s SVG export lacks the legend entry "${kind}"`);

  // The same options again: answered from the server's cache at once.
  const again = await server.request('POST', '/api/backtest', { capability: 'equal', subset: 'unanimity' });
  assert.equal(again.status, 200);
  assert.match(page.url(), /#\/backtest$/u);
  await page.close();
  assert.deepEqual(errors, []);
});
