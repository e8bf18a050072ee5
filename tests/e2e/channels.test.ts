/**
 * The Channels & time and Deal tabs in a real browser, on the extended worked example
 * (examples/backchannel-2024-channels.yaml, channels-spec.md §13): a channel cell edited from the
 * keyboard (one tab stop, arrow keys, Space), a red line that excludes the actor's own position shown
 * beside its field in words, undo, the deal analysis computed in the page's Web Worker equal to the
 * library's `analyseDeal` (P(agreement by each date), the summary, the readings and the proposal test,
 * also on a variant where agreement becomes likely), and the timeline chart with one path per leaf.
 * With PARLEY_DOC_SHOTS=1 it writes the screenshots of docs/workbench.md (else to artifacts/e2e/).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { analyseDeal } from '../../src/analysis/deal/analyse.js';
import { dealText, proposalText, rowText } from '../../src/analysis/deal/explain.js';
import type { DealIssue, DealResult } from '../../src/analysis/deal/types.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { actorNames } from '../../src/scenario/views.js';
import { memberCell } from '../../web/src/deal/dealWords.js';
import type { StoredScenario } from '../../src/store/records.js';
import type { LaunchedBrowser } from '../support/browser.js';
import { screenshotDir, startWorkbench, stopWorkbench } from '../support/e2e.js';
import { fromRepo } from '../support/paths.js';
import type { TestServer } from '../support/workbench.js';

const shotPath = (name: string) => (process.env.PARLEY_DOC_SHOTS === '1' ? fromRepo('docs', 'img', `${name}.png`) : `${screenshotDir}/${name}.png`);
const exampleText = readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8');

let server: TestServer;
let browser: LaunchedBrowser;

before(async () => {
  ({ server, browser } = await startWorkbench());
});
after(() => stopWorkbench({ server, browser }));

async function importScenario(text: string, file: string): Promise<StoredScenario> {
  const answer = await server.request('POST', '/api/scenarios/import', { text, file });
  assert.equal(answer.status, 201, answer.text);
  return answer.body as StoredScenario;
}

async function openTab(page: Page, id: number, tab: string, ready: string): Promise<void> {
  await page.goto('about:blank'); // a new hash alone would not load the page again
  await page.goto(`${server.url}#/scenario/${id}/${tab}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector(ready);
}

async function newPage(errors: string[]): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setViewportSize({ width: 1440, height: 1000 });
  return page;
}

const cellText = (page: Page, row: number, column: number) => page.innerText(`#pair-matrix [data-cell="${row},${column}"]`);
const focused = (page: Page) => page.evaluate<string>('document.activeElement?.getAttribute("data-cell") ?? document.activeElement?.getAttribute("data-field") ?? ""');

/** The deal tab's P(agreement by each date) on one issue, and its texts, checked against the library's result. */
async function checkDealIssue(page: Page, expected: DealIssue, names: (id: string) => string, result: DealResult): Promise<void> {
  await page.selectOption('#deal-issue', expected.issue);
  await page.waitForSelector(`#deal-summary`);
  const shown = await page.$$eval('#deal-p-agreement td[data-p]', (cells) => cells.map((cell) => ({ round: Number(cell.getAttribute('data-round')), p: Number(cell.getAttribute('data-p')), text: cell.textContent })));
  assert.equal(shown.length, expected.mixture.pAgreementBy.length);
  expected.mixture.pAgreementBy.forEach((point, index) => {
    assert.equal(shown[index]!.round, point.round);
    assert.ok(Math.abs(shown[index]!.p - point.p) <= 1e-12, `P(agreement by ${point.date}) ${shown[index]!.p} vs ${point.p}`);
    assert.equal(shown[index]!.text, point.p.toFixed(2));
  });
  // The summary line is `parley deal`'s first line for the issue.
  const firstLine = dealText({ ...result, issues: [expected], notes: [] }, names).split('\n')[0];
  assert.equal((await page.innerText('#deal-summary')).trim(), firstLine);
  // Every leaf: each round's reading, as the CLI words it.
  for (let index = 0; index < expected.leaves.length; index++) {
    await page.check(`#deal-leaves input[value="${index}"]`);
    const readings = await page.$$eval('#deal-rounds td.reading', (cells) => cells.map((cell) => cell.textContent));
    assert.deepEqual(readings, expected.leaves[index]!.rows.map((row) => rowText(expected, row, names)));
    // Each veto player's accept / wait, or why not.
    const cells = await page.$$eval('#deal-rounds td[data-member]', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(cells, expected.leaves[index]!.rows.flatMap((row) => expected.members.map((member) => memberCell(row, member).text)));
  }
  const byProposal = new Map<string, DealIssue['proposals']>();
  for (const verdict of expected.proposals) byProposal.set(JSON.stringify(verdict.proposal), [...(byProposal.get(JSON.stringify(verdict.proposal)) ?? []), verdict]);
  const proposals = byProposal.size === 0 ? [] : await page.$$eval('#deal-proposals li', (items) => items.map((item) => item.textContent));
  assert.deepEqual(proposals, [...byProposal.values()].map((verdicts) => proposalText(expected, verdicts, names)));
}

test('channels: a pair cell from the keyboard, a red line in words, undo; the timeline chart has a path per leaf', async () => {
  const errors: string[] = [];
  const stored = await importScenario(exampleText, 'backchannel-2024-channels.yaml');
  const page = await newPage(errors);
  await openTab(page, stored.id, 'channels', '#pair-matrix');

  // One tab stop: exactly one cell is in the tab order.
  assert.equal(await page.$$eval('#pair-matrix [data-cell][tabindex="0"]', (cells) => cells.length), 1);
  await page.focus('#pair-matrix [data-cell][tabindex="0"]');
  assert.equal(await focused(page), '0,1');
  assert.equal(await cellText(page, 0, 2), 'private 0.2'); // Russia and the US: private, leak 0.2
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), '0,2');
  await page.keyboard.press('Space');
  assert.equal(await cellText(page, 0, 2), 'closed');
  assert.equal(await cellText(page, 2, 0), 'closed', 'the matrix is symmetric');
  assert.equal(await focused(page), '0,2', 'the focus stays on the cell');
  assert.equal(await page.$$eval('#pair-matrix [data-cell][tabindex="0"]', (cells) => cells.length), 1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), '2,2');
  // Per issue: the pair on talks only.
  await page.selectOption('#matrix-issue', 'talks');
  assert.equal(await cellText(page, 0, 2), 'closed');
  assert.equal(await cellText(page, 1, 2), 'private 0.1');

  // A red line that excludes Russia's own position (95): the problem beside the field, in words.
  const atLeast = '[data-field="actors[0].stances.settlement.commitment.atLeast"]';
  assert.equal(await page.inputValue(atLeast), '80');
  await page.fill(atLeast, '97');
  const note = page.locator(`${atLeast} + .field-problem`);
  await note.waitFor();
  assert.equal(
    (await note.innerText()).trim(),
    "Russia's red line's at least on Terms of a Russia–Ukraine settlement: the actor's own position 95 already violates its red line (atLeast 97)",
  );
  assert.match(await page.innerText('#channels-problems'), /1 problem\(s\):\s*Russia's red line's at least on Terms of a Russia–Ukraine settlement/u);
  await page.press(atLeast, 'Tab');
  assert.equal(await page.getAttribute('#channels-save', 'class'), 'primary');

  // Undo: the red line, then the channel.
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(atLeast), '80');
  assert.equal(await page.locator('.field-problem').count(), 0);
  assert.equal((await page.innerText('#channels-problems')).trim(), '');
  await page.click('#channels-undo');
  // The last undo disables its own button: the focus goes to Redo, not to the page's body.
  assert.ok(await page.isDisabled('#channels-undo'));
  assert.equal(await page.evaluate('document.activeElement?.id ?? ""'), 'channels-redo');
  await page.selectOption('#matrix-issue', '');
  assert.equal(await cellText(page, 0, 2), 'private 0.2');
  assert.equal((await page.innerText('#channels-save')).trim(), 'Saved', 'undone to the saved scenario');
  await page.click('#channels-redo');
  assert.equal(await cellText(page, 0, 2), 'closed');
  await page.click('#channels-undo');

  // The timeline chart: EUM on every leaf, one path per leaf (4) and the mixture, on the talks issue.
  await page.selectOption('#timeline-issue', 'talks');
  await page.click('#timeline-run');
  await page.waitForSelector('#timeline-chart svg');
  assert.match(await page.innerText('#timeline-chart h3'), /US–Russia negotiations/u);
  // Each a drawn line through the 13 rounds (round 0 … 12, monthly to 2025-01-28).
  const vertices = (description: string) =>
    page.$$eval(`#timeline-chart [aria-description="${description}"] path`, (paths) => paths.map((path) => (path.getAttribute('d') ?? '').split(/[ML]/u).filter(Boolean).length));
  assert.deepEqual(await vertices('leaf path'), [13, 13, 13, 13]);
  assert.deepEqual(await vertices('mixture path'), [13]);
  assert.equal(await page.locator('#timeline-chart [aria-description="leaf outcome"] circle').count(), 4);
  const labels = await page.$$eval('#timeline-chart svg text', (texts) => texts.map((text) => text.textContent ?? ''));
  assert.ok(labels.some((label) => label.startsWith('General Winter (2024-11-01)')), 'the event is labelled on its date');
  assert.ok(labels.some((label) => label.startsWith('US supplemental aid vote (2024-04-20)')), 'the branch point is labelled on its date');
  assert.ok(labels.some((label) => label.startsWith('channel=cut, aid=passes (p = 0.385)')), 'the legend names the leaf and its probability');
  await page.locator('#timeline-chart').screenshot({ path: shotPath('workbench-timeline-chart-1440') });
  // Choose Russia and the US (from the diagonal cell 2,2): the panel shows their channel.
  await page.focus('#pair-matrix [data-cell][tabindex="0"]');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), '0,2');
  assert.match(await page.innerText('#pair-panel'), /Russia and United States \(administration\), on every issue/u);
  assert.equal(await page.inputValue('#pair-leak'), '0.2');
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: shotPath('workbench-channels-1440') });

  // Saved through the store: the server keeps the closed pair (on every issue, in the first rule's place).
  await page.focus('#pair-matrix [data-cell][tabindex="0"]');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), '0,2');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+s');
  await page.waitForSelector('#channels-save:has-text("Saved")');
  const saved = (await server.request('GET', `/api/scenarios/${stored.id}`)).body as StoredScenario;
  assert.deepEqual(saved.scenario.channels?.[0], { between: ['us', 'russia'], channel: 'closed', evidence: '"the United States has privately requested the resumption of dialogue with Russia"' });
  assert.equal(saved.scenario.channels?.length, 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('deal: computed in the page, equal to the library on the example and on a variant where agreement becomes likely', async () => {
  const errors: string[] = [];
  const parsed = parseScenario(exampleText, { file: 'x.yaml' }).scenario;
  const names = actorNames(parsed.actors);
  const name = (id: string) => names[id] ?? id;
  const expected = analyseDeal(parsed);
  const stored = await importScenario(exampleText, 'backchannel-2024-channels.yaml');
  const page = await newPage(errors);
  await openTab(page, stored.id, 'deal', '#deal-p-agreement');
  for (const issue of expected.issues) await checkDealIssue(page, issue, name, expected);
  await page.selectOption('#deal-issue', 'settlement');
  await page.check('#deal-leaves input[value="0"]');
  await page.screenshot({ path: shotPath('workbench-deal-1440'), fullPage: false });

  // Without red lines and trust records (every τ = 1), the settlement becomes ripe in some leaves.
  const variantDocument = JSON.parse(JSON.stringify(parsed)) as Record<string, unknown> & { actors: { stances: Record<string, Record<string, unknown>> }[] };
  for (const actor of variantDocument.actors) for (const stance of Object.values(actor.stances)) delete stance['commitment'];
  delete variantDocument['trust'];
  const variant = parseScenario(JSON.stringify(variantDocument), { file: 'variant.json' }).scenario;
  const variantDeal = analyseDeal(variant);
  const settlement = variantDeal.issues.find((issue) => issue.issue === 'settlement')!;
  assert.ok(settlement.mixture.pAgreementBy.at(-1)!.p > 0.4, 'the variant has agreement in some leaves');
  const storedVariant = await importScenario(JSON.stringify(variantDocument), 'variant.json');
  await openTab(page, storedVariant.id, 'deal', '#deal-p-agreement');
  for (const issue of variantDeal.issues) await checkDealIssue(page, issue, name, variantDeal);
  assert.deepEqual(errors, []);
  await page.close();
});
