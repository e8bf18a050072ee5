/**
 * The editor and the format (issue 14, items 19 and 20), in a real browser: every field the format
 * holds but the channel fields (their own view) is shown and edited, and saved as typed; a scenario
 * with problems is saved as a draft, marked as one in the editor, the heading and the library, kept
 * across a reload, and refused by the run bar and the sweep with its problems listed in words; a bad
 * import opens in the editor as a draft with its problems marked (a file that is no scenario at all is
 * still an error with its line); and no message or label shows a field path.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Scenario } from '../../src/scenario/schema.js';
import type { LibraryEntry, StoredDraft } from '../../src/store/records.js';
import type { LaunchedBrowser } from '../support/browser.js';
import { startWorkbench, stopWorkbench } from '../support/e2e.js';
import type { TestServer } from '../support/workbench.js';

let server: TestServer;
let browser: LaunchedBrowser;

before(async () => {
  ({ server, browser } = await startWorkbench());
});
after(() => stopWorkbench({ server, browser }));

async function openApp(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#actors-table');
}

const openId = (page: Page) => page.evaluate('Number(/scenario\\/(\\d+)/u.exec(location.hash)?.[1])') as Promise<number>;
const stored = async (id: number) => (await server.request('GET', `/api/scenarios/${id}`)).body as LibraryEntry;
const field = (path: string) => `[data-field="${path}"]`;

/** Types into a cell and leaves it (its change event: one undo step). */
async function type(page: Page, path: string, text: string): Promise<void> {
  await page.fill(field(path), text);
  await page.press(field(path), 'Tab');
}

async function waitForToast(page: Page, pattern: RegExp): Promise<string> {
  await page.waitForFunction(`${pattern.toString()}.test(document.getElementById('toast')?.textContent ?? '')`);
  return page.innerText('#toast');
}

test('the editor shows and edits every field of the format (but the channel fields), in words', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  const id = await openId(page);

  await type(page, 'description', 'The back-channel, as reported.');
  await type(page, 'sources[0].url', 'https://example.org/report');
  await type(page, 'issues[0].description', 'What a settlement would give each side.');
  await type(page, 'actors[0].aliases', 'Moscow; the Kremlin');
  await type(page, 'actors[0].risk', '1.5');
  await type(page, 'actors[0].notes', 'Holds out for better terms.');
  await type(page, 'actors[0].capabilityRange[0]', '70');
  await type(page, 'actors[0].capabilityRange[1]', '90');
  await type(page, 'actors[1].stances.talks.range.position[0]', '10');
  await type(page, 'actors[1].stances.talks.range.position[1]', '30');
  await page.click('#add-space');
  await type(page, 'spaces[0].name', 'The settlement alone');
  await page.selectOption(field('spaces[0].smpOptions.votingRule'), 'Binary');
  await type(page, 'spaces[0].smpOptions.maxTurns', '50');
  await page.click('#add-ideal-adjustment-0');
  await type(page, 'spaces[0].smpOptions.idealAdjustment[0].actor', 'russia');
  await type(page, 'spaces[0].smpOptions.idealAdjustment[0].reference', 'china');
  await type(page, 'spaces[0].smpOptions.idealAdjustment[0].adjust', '0.3');
  await page.click('#add-question');
  await type(page, 'questions[0].text', 'Will talks reach 50?');
  await page.selectOption(field('questions[0].issue'), 'talks');
  await type(page, 'questions[0].threshold', '50');

  // Labels are words, not field paths.
  assert.equal(await page.getAttribute(field('actors[1].stances.talks.salience'), 'aria-label'), "Ukraine's salience on US–Russia negotiations");
  assert.equal(await page.getAttribute(field('actors[0].risk'), 'aria-label'), "Russia's risk exponent");
  assert.equal(await page.locator('#problems li').count(), 0, await page.innerText('#problems'));
  await page.keyboard.press('Control+s');
  await waitForToast(page, /^Saved\.$/u);

  const saved = (await stored(id)) as { scenario: Scenario; draft?: true };
  assert.equal(saved.draft, undefined);
  const scenario = saved.scenario;
  assert.equal(scenario.description, 'The back-channel, as reported.');
  const source = scenario.sources?.[0] as { title: string; url?: string };
  assert.match(source.title, /^Mondo International, 2024-01-28: /u, 'a source given as text keeps it as its title when it gets a URL');
  assert.equal(source.url, 'https://example.org/report');
  assert.equal(scenario.issues[0]!.description, 'What a settlement would give each side.');
  assert.deepEqual(scenario.actors[0]!.aliases, ['Moscow', 'the Kremlin']);
  assert.equal(scenario.actors[0]!.risk, 1.5);
  assert.equal(scenario.actors[0]!.notes, 'Holds out for better terms.');
  assert.deepEqual(scenario.actors[0]!.capabilityRange, [70, 90]);
  assert.deepEqual(scenario.actors[1]!.stances.talks!.range, { position: [10, 30] });
  assert.deepEqual(scenario.spaces, [
    { id: 'space1', issues: ['settlement'], name: 'The settlement alone', smpOptions: { votingRule: 'Binary', maxTurns: 50, idealAdjustment: [{ actor: 'russia', reference: 'china', adjust: 0.3 }] } },
  ]);
  assert.deepEqual(scenario.questions, [{ id: 'q1', text: 'Will talks reach 50?', issue: 'talks', direction: 'at-least', threshold: 50 }]);

  // After a reload every field reads back as saved.
  await openApp(page);
  assert.equal(await page.inputValue(field('actors[0].aliases')), 'Moscow; the Kremlin');
  assert.equal(await page.inputValue(field('spaces[0].smpOptions.votingRule')), 'Binary');
  assert.equal(await page.inputValue(field('spaces[0].issues')), 'settlement');
  await page.close();
});

test('a scenario with problems is saved as a draft: marked, kept across a reload, refused by the run bar and the sweep with its problems in words', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.click('#new-scenario');
  await page.waitForSelector('#scenario-heading:has-text("New scenario")');
  const id = await openId(page);

  await page.fill(field('actors[0].stances.issue1.salience'), '150');
  await page.waitForSelector(`${field('actors[0].stances.issue1.salience')}[aria-invalid="true"]`);
  const problems = await page.innerText('#problems');
  assert.match(problems, /actor1's salience on Issue 1: /u);
  assert.doesNotMatch(problems, /actors\[|stances\./u);
  assert.equal((await page.innerText('#save-scenario')).trim(), 'Save draft');
  await page.click('#save-scenario');
  assert.match(await waitForToast(page, /draft/u), /Saved as a draft: 1 problem to fix/u);

  const draft = (await stored(id)) as StoredDraft;
  assert.equal(draft.draft, true);
  assert.equal((draft.scenario as { actors: { stances: { issue1: { salience: number } } }[] }).actors[0]!.stances.issue1.salience, 150);
  assert.match(await page.innerText('#library .current'), /draft/u);
  await page.waitForSelector('#draft-badge');

  // A reload opens it again as it was saved, its problem marked.
  await page.goto(`${server.url}#/scenario/${id}/editor`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#draft-banner');
  await page.waitForSelector(`${field('actors[0].stances.issue1.salience')}[aria-invalid="true"]`);
  assert.equal(await page.inputValue(field('actors[0].stances.issue1.salience')), '150');
  assert.equal((await page.innerText('#save-scenario')).trim(), 'Saved as draft');

  // Runs are refused, with the problems listed in words.
  await page.click('#tab-results');
  assert.equal(await page.isDisabled('#run'), true);
  const runProblems = await page.innerText('#run-problems');
  assert.match(runProblems, /This scenario is a draft with 1 problem: fix it in the editor to run it\./u);
  assert.match(runProblems, /actor1's salience on Issue 1: /u);
  await page.click('#tab-sweep');
  assert.equal(await page.isDisabled('#run-sweep'), true);
  assert.match(await page.innerText('#sweep-problems'), /actor1's salience on Issue 1: /u);
  assert.equal((await server.request('POST', `/api/scenarios/${id}/runs`, { model: 'weighted-mean' })).status, 409);

  // Fixed and saved, it is a scenario again.
  await page.click('#tab-editor');
  await type(page, 'actors[0].stances.issue1.salience', '50');
  await page.click('#save-scenario');
  await waitForToast(page, /^Saved\.$/u);
  assert.equal((await stored(id)).draft, undefined);
  assert.equal(await page.locator('#draft-badge').count(), 0);
  assert.doesNotMatch(await page.innerText('#library .current'), /draft/u);
  await page.close();
});

test('a bad import opens in the editor as a draft with its problems marked; a file that is no scenario is an error with its line', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);

  const yaml = [
    'title: Imported with a problem',
    'issues: [{ id: t, name: Trade }]',
    'actors:',
    '  - { id: a, name: Alpha, capability: 1, stances: { t: { position: 10, salience: 150 } } }',
    '  - { id: b, capability: 1, stances: { t: { position: 90, salience: 50 } } }',
    '',
  ].join('\n');
  await page.setInputFiles('#import-file', { name: 'bad.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
  await page.waitForSelector('#scenario-heading:has-text("Imported with a problem")');
  await page.waitForSelector('#draft-banner');
  await page.waitForSelector(`${field('actors[0].stances.t.salience')}[aria-invalid="true"]`);
  assert.match(await page.innerText('#problems'), /Alpha's salience on Trade: .*\(bad\.yaml, line 4\)/u);
  assert.match(await page.innerText('#library .current'), /draft/u);

  // A CSV cell that is not a number: the reader's own message, with its line, until it is edited.
  await page.setInputFiles('#import-file', { name: 'cells.csv', mimeType: 'text/csv', buffer: Buffer.from('actor,issue,capability,position,salience\np,x,1,10,50\nq,x,lots,90,50\n') });
  await page.waitForSelector('#scenario-heading:has-text("cells")');
  await page.waitForSelector(`${field('actors[1].capability')}[aria-invalid="true"]`);
  assert.match(await page.innerText('#problems'), /q's capability: column "capability": expected a number, got "lots" \(cells\.csv, line 3\)/u);

  // Not a scenario at all: an error that names the line, and nothing is stored.
  const before = await page.locator('#library li').count();
  await page.setInputFiles('#import-file', { name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from('title: ok\nissues: [unclosed\n') });
  assert.match(await waitForToast(page, /line/u), /line \d/u);
  assert.equal(await page.locator('#library li').count(), before);
  await page.close();
});

test('the history says what changed between two runs in words: names, not ids or field paths', async () => {
  const base: Scenario = {
    title: 'Two runs',
    salienceScale: 100,
    issues: [{ id: 'trade', name: 'Trade deal', scale: { min: 0, max: 100 } }],
    actors: [
      { id: 'a', name: 'Alpha', capability: 1, stances: { trade: { position: 10, salience: 50 } } },
      { id: 'b', name: 'Beta', capability: 2, stances: { trade: { position: 90, salience: 50 } } },
    ],
  };
  const changed = structuredClone(base);
  changed.actors[1]!.stances.trade!.salience = 10;
  changed.actors[0]!.capability = 3;
  const created = (await server.request('POST', '/api/scenarios', { scenario: base })).body as { id: number };
  for (const scenario of [base, changed]) assert.equal((await server.request('POST', `/api/scenarios/${created.id}/runs`, { model: 'weighted-mean', scenario })).status, 201);

  const page = await browser.context.newPage();
  await page.goto(`${server.url}#/scenario/${created.id}/history`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#history-table');
  assert.match(await page.innerText('#history-table thead'), /Trade deal/u);
  for (const box of await page.locator('#history-table input[type="checkbox"]').all()) await box.check();
  await page.waitForSelector('#scenario-changes');
  const changes = await page.innerText('#scenario-changes');
  assert.match(changes, /Beta's salience on Trade deal: 50 → 10/u);
  assert.match(changes, /Alpha's capability: 1 → 3/u);
  assert.doesNotMatch(changes, /\b[ab] (salience|capability)/u);
  await page.close();
});
