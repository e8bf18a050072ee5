/**
 * The answer, ledger, advise and draft views of the workbench (issues 9, 12 and 13, their workbench
 * parts), against the library: the answer card's numbers on the worked example equal
 * `computeAnswer` over every model (as `parley forecast --json`'s `answer`), an edit shows the
 * out-of-date banner and one click re-runs; a sealed answer is resolved and scored as `parley ledger
 * score`; an advise run equals `advise()`; a draft of the origin article is reviewed and only the
 * accepted items make the new scenario. Screenshots at 1440 px for docs/workbench.md
 * (PARLEY_DOC_SHOTS=1 writes them to docs/img/).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { advise, type AdviseRequest } from '../../src/analysis/advise/index.js';
import { computeAnswer, modelLabel, type Answer } from '../../src/analysis/answer/answer.js';
import { planRuns, runPlan } from '../../src/analysis/forecastPlan.js';
import { formatShort } from '../../src/analysis/formatNumber.js';
import { scoreLedger, type LedgerScore } from '../../src/analysis/ledger/entries.js';
import { loadShippedRecord } from '../../src/node/record.js';
import { draftScenario } from '../../src/scenario/draft/index.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Page as LedgerPage } from '../../src/store/records.js';
import type { LedgerEntry } from '../../src/store/ledger.js';
import type { ScenarioSummary, StoredScenario } from '../../src/store/records.js';
import type { LaunchedBrowser } from '../support/browser.js';
import { screenshotDir, startWorkbench, stopWorkbench } from '../support/e2e.js';
import { fromRepo, fromShared } from '../support/paths.js';
import type { TestServer } from '../support/workbench.js';

/** The docs' screenshots are written to docs/img/ only with PARLEY_DOC_SHOTS=1 (else to artifacts/e2e/). */
const shotPath = (name: string) => (process.env.PARLEY_DOC_SHOTS === '1' ? fromRepo('docs', 'img', `${name}.png`) : `${screenshotDir}/${name}.png`);

const example = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' }).scenario;
const article = readFileSync(fromShared('seed', 'backchannel-article.txt'), 'utf8');

let server: TestServer;
let browser: LaunchedBrowser;
let page: Page;

before(async () => {
  ({ server, browser } = await startWorkbench());
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#actors-table');
});
after(() => stopWorkbench({ server, browser }));

/** Chromium's Math.exp/log may differ from Node's in the last bit (docs/workbench.md): compare closely, not bit for bit. */
function near(actual: number, expected: number, what: string, tolerance = 1e-9): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

const valueOf = async (selector: string): Promise<number> => Number(await page.getAttribute(selector, 'data-value'));

test('the answer card shows the library answer for the worked example, who moves, and goes out of date on an edit', async () => {
  const { forecasts } = runPlan(example, planRuns({ model: 'all' }), true);
  const expected: Answer = computeAnswer({ scenario: example, forecasts, record: loadShippedRecord() }).answer;
  await page.click('#tab-answer');
  await page.waitForSelector('#answer-talks', { timeout: 180_000 });
  assert.match(await page.innerText('#answer-predictor-line'), new RegExp(`Predictor: ${expected.predictor.label}: out-of-sample MAE ${expected.predictor.mae!.toFixed(1)} \\[${expected.predictor.interval![0].toFixed(1)}, ${expected.predictor.interval![1].toFixed(1)}\\]`, 'u'));
  for (const issue of expected.issues) {
    const card = `#answer-${issue.issue}`;
    near(await valueOf(`${card} [data-key="forecast"]`), issue.forecast, `${issue.issue} forecast`);
    for (const key of ['p5', 'p25', 'median', 'p75', 'p95'] as const) near(await valueOf(`${card} [data-key="${key}"]`), issue.interval[key], `${issue.issue} ${key}`);
    for (const [index, probability] of issue.probabilities.entries()) near(await valueOf(`${card} [data-key="probability-${index}"]`), probability.probability, `${issue.issue} ${probability.label}`);
    assert.equal(await page.locator(`${card} .fragile-badge`).count(), issue.fragile.value ? 1 : 0, `${issue.issue} fragile`);
    assert.equal((await page.innerText(`${card} .fragile-reason`)).replace(/^(Not fragile|Fragile):\s*/u, ''), issue.fragile.reason);
    assert.equal(await page.locator(`${card} .answer-models tbody tr`).count(), issue.models.length);
    for (const model of issue.models) {
      const row = `${card} .answer-models tr[data-model="${modelLabel(model.model, model.preset)}"]`;
      near(await valueOf(`${row} .value`), model.outcome, `${issue.issue} ${model.model}`);
      assert.equal((await page.innerText(`${row} td:nth-child(3)`)).trim(), model.backtestMae === null ? '–' : model.backtestMae.toFixed(1));
    }
    await page.waitForSelector(`#answer-chart-${issue.issue} svg`);
  }
  // The talks issue is fragile (issue 9's "done when"); who moves names who gave in to whom.
  assert.equal(expected.issues.find((issue) => issue.issue === 'talks')!.fragile.value, true);
  await page.selectOption('#moves-issue', 'talks');
  const russia = page.locator('#moves [data-model="eum (default)"] tr[data-actor="russia"]');
  assert.match(await russia.innerText(), /toward European Union \(conflict lost\)/u);
  assert.match((await russia.locator('.move').first().getAttribute('title')) ?? '', /giving in to European Union/u);
  await page.screenshot({ path: shotPath('workbench-answer-1440'), fullPage: false });

  // An edit makes the answer out of date; one click computes it again.
  await page.click('#tab-editor');
  const salience = page.locator('[data-field="actors[1].stances.settlement.salience"]');
  await salience.fill('90');
  await salience.press('Tab');
  await page.click('#tab-answer');
  await page.waitForSelector('#answer-stale');
  assert.match((await page.innerText('#answer-stale')).replace(/\s+/gu, ' '), /Out of date: the scenario changed after this was computed \(actors\)/u);
  await page.click('#answer-stale button');
  await page.waitForSelector('#answer-stale', { state: 'detached', timeout: 180_000 });
  // Undo the edit: the scenario is as saved again, and the answer (computed on the edit) is out of date again.
  await page.click('#tab-editor');
  while (await page.isEnabled('#undo')) await page.click('#undo');
  assert.equal(await page.isHidden('#unsaved-badge'), true);
  await page.click('#tab-answer');
  await page.click('#answer-stale button');
  await page.waitForSelector('#answer-stale', { state: 'detached', timeout: 180_000 });
  near(await valueOf('#answer-talks [data-key="forecast"]'), expected.issues.find((issue) => issue.issue === 'talks')!.forecast, 'talks forecast after undo');
});

test('sealing the answer, resolving an entry and the scores as parley ledger score', async () => {
  await page.click('#seal-answer');
  await page.waitForFunction(`document.querySelector('#toast')?.textContent?.includes('Sealed')`, undefined, { timeout: 180_000 });
  await page.click('#open-ledger');
  await page.waitForSelector('#ledger-entries tbody tr');
  assert.equal(await page.locator('#ledger-entries tbody tr').count(), example.issues.length);
  const listed = (await server.request('GET', '/api/ledger')).body as LedgerPage<LedgerEntry>;
  const talks = listed.items.find((entry) => entry.issue === 'talks')!;
  await page.fill(`#ledger-entries tr[data-entry="${talks.id}"] input`, '35');
  await page.click(`#ledger-entries tr[data-entry="${talks.id}"] button`);
  await page.waitForSelector(`#ledger-scores tr[data-entry="${talks.id}"]`);
  const expected: LedgerScore = scoreLedger(((await server.request('GET', '/api/ledger')).body as LedgerPage<LedgerEntry>).items.reverse());
  const scored = expected.entries[0]!;
  assert.equal(await page.innerText(`#ledger-scores tr[data-entry="${talks.id}"] [data-key="crps"]`), scored.crps.toFixed(3));
  assert.equal(await page.innerText(`#ledger-scores tr[data-entry="${talks.id}"] [data-key="brier"]`), scored.brier.toFixed(4));
  assert.match(await page.innerText('#ledger-overall'), new RegExp(`1 resolved, 1 open; mean CRPS/width ${expected.overall.crpsShare!.toFixed(4)}, mean Brier ${expected.overall.brier!.toFixed(4)}`, 'u'));
  // The resolved entry shows its outcome and no longer offers to resolve.
  assert.equal(await page.locator(`#ledger-entries tr[data-entry="${talks.id}"] input`).count(), 0);
  await page.waitForSelector('#calibration-chart svg');
  await page.screenshot({ path: shotPath('workbench-ledger-1440'), fullPage: false });
});

test('an advise run in the browser equals advise()', async () => {
  const stored = ((await server.request('GET', '/api/scenarios')).body as LedgerPage<ScenarioSummary>).items[0]!;
  await page.click(`#library button:has-text("${stored.title}")`);
  await page.waitForSelector('#tab-advise');
  await page.click('#tab-advise');
  await page.selectOption('#advise-actor', 'us');
  await page.selectOption('#advise-issue', 'talks');
  await page.fill('#advise-goal-value', '50');
  for (const box of await page.locator('input[name="lever"]').all()) {
    const wanted = ['position', 'salience', 'capability'].includes((await box.getAttribute('value')) ?? '');
    if ((await box.isChecked()) !== wanted) await box.click();
  }
  await page.click('#run-advise');
  await page.waitForSelector('#advice-best', { timeout: 180_000 });
  const request: AdviseRequest = { actor: 'us', issue: 'talks', goal: { kind: 'toward', value: 50 }, levers: ['position', 'salience', 'capability'] };
  const expected = advise(example, request);
  near(await valueOf('#advice-best [data-key="gain"]'), expected.best!.gain, 'best gain', 1e-6);
  assert.equal(await page.locator('#advice-levers tbody tr').count(), expected.levers.length);
  const sentences = await page.locator('#advice-best .advice-explanation p').allInnerTexts();
  assert.deepEqual(sentences, expected.best!.explanation);
  assert.match(await page.innerText('#advice-pareto'), new RegExp(expected.pareto.map((point) => `${formatShort(point.cost, 1)} → ${formatShort(point.gain, 1)}`).join(', ').replace(/[.()]/gu, '\\$&'), 'u'));
  await page.waitForSelector('#advice-pareto svg');
  await page.screenshot({ path: shotPath('workbench-advise-1440'), fullPage: false });
});

test('a draft of the origin article is reviewed: only the accepted items enter the new scenario, opened in the editor', async () => {
  await page.click('#open-draft');
  await page.fill('#draft-input', article);
  await page.click('#make-draft');
  await page.waitForSelector('#review-stances', { timeout: 180_000 });
  const draft = draftScenario(article, { scenario: example });
  assert.equal(await page.locator('#review-actors > li').count(), draft.actors.length);
  assert.equal(await page.locator('#review-stances > li').count(), draft.proposals.length);
  // A proposal lights up its sentences in the text.
  const first = draft.proposals[0]!;
  await page.hover(`#review-stances [data-stance="${first.actor}:${first.issue}"]`);
  assert.equal(await page.getAttribute(`#draft-sentence-${first.cues[0]!.sentence.index}`, 'class'), 'draft-sentence highlight');
  assert.equal(await page.innerText(`#draft-sentence-${first.cues[0]!.sentence.index}`), first.cues[0]!.sentence.text);
  await page.screenshot({ path: shotPath('workbench-draft-1440'), fullPage: false });
  // Reject one stance, fill in the capabilities the text does not give, and create.
  await page.uncheck(`#review-stances [data-stance="${first.actor}:${first.issue}"] .accept input`);
  for (const input of await page.locator('#review-actors input[type="number"]').all()) if ((await input.inputValue()) === '') await input.fill('5');
  await page.fill('#draft-title', 'Drafted from the article');
  await page.click('#create-from-draft');
  await page.waitForSelector('#actors-table, #draft-problems');
  assert.equal(await page.locator('#draft-problems').count(), 0, await page.locator('#draft-problems').innerText().catch(() => ''));
  assert.equal((await page.innerText('#scenario-heading')).trim(), 'Drafted from the article');
  const library = ((await server.request('GET', '/api/scenarios')).body as LedgerPage<ScenarioSummary>).items;
  const created = (await server.request('GET', `/api/scenarios/${library.find((entry) => entry.title === 'Drafted from the article')!.id}`)).body as StoredScenario;
  assert.deepEqual(created.scenario.actors.map((actor) => actor.id), draft.actors.map((actor) => actor.id));
  const kept = draft.proposals.slice(1);
  for (const proposal of kept) {
    const stance = created.scenario.actors.find((actor) => actor.id === proposal.actor)!.stances[proposal.issue]!;
    assert.equal(stance.position, proposal.position);
    assert.ok(stance.evidence!.includes(proposal.cues[0]!.sentence.text));
  }
  if (!kept.some((proposal) => proposal.actor === first.actor && proposal.issue === first.issue))
    assert.equal(created.scenario.actors.find((actor) => actor.id === first.actor)!.stances[first.issue], undefined);
});
