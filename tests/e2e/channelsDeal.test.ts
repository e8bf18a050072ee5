/**
 * The Channels & time tab's deal fields in a real browser, on the extended worked example
 * (examples/backchannel-2024-channels.yaml): a proposal added and edited, a ratifier and the bargaining
 * table set with the actor pickers, a trust record's "seen by" and a record effect's actors ticked by
 * name, undo / redo of a tick,
 * saved, reloaded and found again; a proposal position outside the issue's scale and an unknown actor
 * shown beside their fields in words, the save button then saving only a draft (which cannot run).
 * At 390 px the tab is usable: no table cut off, nothing wider than the window.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Problem } from '../../src/errors.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { StoredDraft, StoredScenario } from '../../src/store/records.js';
import type { LaunchedBrowser } from '../support/browser.js';
import { screenshotDir, startWorkbench, stopWorkbench } from '../support/e2e.js';
import { cutOff } from '../support/layout.js';
import { parse } from 'yaml';
import { fromRepo } from '../support/paths.js';
import type { TestServer } from '../support/workbench.js';

const exampleText = readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8');
/** Who counts Minsk I in the example (the second trust record). */
const example = parse(exampleText) as { trust: { records: { seenBy: string[] }[] }; events: { effects: unknown[] }[] };
const minskSeenBy = example.trust.records[1]!.seenBy;
/** Where an effect added to the first event lands. */
const newEffect = `events[0].effects[${example.events[0]!.effects.length}]`;

let server: TestServer;
let browser: LaunchedBrowser;

before(async () => {
  ({ server, browser } = await startWorkbench());
});
after(() => stopWorkbench({ server, browser }));

/** Imports as the workbench does: a file with problems is kept as a draft. */
async function importScenario(text: string, file: string): Promise<StoredScenario | StoredDraft> {
  const answer = await server.request('POST', '/api/scenarios/import', { text, file, draft: true });
  assert.equal(answer.status, 201, answer.text);
  return answer.body as StoredScenario;
}

async function openChannels(page: Page, id: number): Promise<void> {
  await page.goto('about:blank'); // a new hash alone would not load the page again
  await page.goto(`${server.url}#/scenario/${id}/channels`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#proposals-list');
}

async function newPage(errors: string[], width: number): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/409|Conflict/u.test(message.text())) errors.push(message.text());
  });
  await page.setViewportSize({ width, height: 1000 });
  return page;
}

const field = (path: string) => `[data-field="${path}"]`;
/** The note beside a field (an input's next sibling, or inside a picker's box). */
const noteOf = (page: Page, path: string) => page.locator(`${field(path)} + .field-problem, ${field(path)} > .field-problem`);
/** The scenario as the server keeps it: a scenario, or a draft with its problems. */
const stored = async (id: number) => (await server.request('GET', `/api/scenarios/${id}`)).body as { scenario: Scenario; draft?: true; problems: Problem[] };

test('proposals, ratifiers and the table edited with the pickers, saved and found again after a reload; a bad value in words saves only a draft', async () => {
  const errors: string[] = [];
  const scenario = await importScenario(exampleText, 'backchannel-2024-channels.yaml');
  const page = await newPage(errors, 1440);
  await openChannels(page, scenario.id);

  // A proposal: added (at the start date, on the chosen issue, at its status quo), then edited.
  assert.equal(await page.locator('#proposals-list > li').count(), 2);
  await page.click('#add-proposal');
  assert.equal(await page.locator('#proposals-list > li').count(), 3);
  assert.equal(await page.inputValue(field('proposals[2].date')), '2024-01-28');
  assert.equal(await page.inputValue(field('proposals[2].position')), '60');
  await page.fill(field('proposals[2].label'), 'talks on a ceasefire');
  await page.press(field('proposals[2].label'), 'Tab');
  await page.selectOption(field('proposals[2].from'), 'us');
  await page.selectOption(field('proposals[2].to'), 'russia');
  await page.selectOption(field('proposals[2].channel'), 'private');
  await page.fill(field('proposals[2].position'), '70');
  await page.press(field('proposals[2].position'), 'Tab');
  assert.equal(await page.getAttribute(field('proposals[2].from'), 'aria-label'), 'proposal “talks on a ceasefire” (2024-01-28), from');

  // A ratifier on the settlement: the Republicans in Congress ratify what the US administration signs.
  await page.selectOption('#deal-fields-issue', 'settlement');
  await page.click('#add-ratifier');
  await page.selectOption(field('issues[0].ratifiers[0].actor'), 'us-republicans');
  await page.selectOption(field('issues[0].ratifiers[0].for'), 'us');
  assert.equal(await page.evaluate(`document.querySelector('${field('issues[0].ratifiers[0].actor')}').selectedOptions[0].textContent`), 'US Congress Republicans');
  // The bargaining table: private, leak 0.25.
  await page.selectOption(field('issues[0].table.channel'), 'private');
  await page.fill(field('issues[0].table.leak'), '0.25');
  await page.press(field('issues[0].table.leak'), 'Tab');

  // Who counts Minsk I: China ticked by name in the picker; undo takes the tick back, redo puts it again.
  const seenBy = field('trust.records[1].seenBy');
  await page.click(`${seenBy} summary`);
  await page.check(`${seenBy} input[value="china"]`);
  assert.match(await page.innerText(`${seenBy} summary`), /^Ukraine, United States \(administration\), .*, China$/u);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(`document.querySelector('${seenBy} details').open`), false, 'Escape closes the picker');
  await page.keyboard.press('Control+z');
  assert.doesNotMatch(await page.innerText(`${seenBy} summary`), /China/u);
  await page.click('#channels-redo');
  assert.match(await page.innerText(`${seenBy} summary`), /China$/u);
  assert.equal((await page.innerText('#channels-problems')).trim(), '');

  // A dated record effect: whose conduct, picked by name (Russia first, the US ticked too).
  await page.click('button[aria-label="Add an effect to General Winter"]');
  await page.selectOption(field(`${newEffect}.kind`), 'record');
  const conduct = field(`${newEffect}.record.actors`);
  assert.equal((await page.innerText(`${conduct} summary`)).trim(), 'Russia');
  await page.click(`${conduct} summary`);
  await page.check(`${conduct} input[value="us"]`);
  assert.equal((await page.innerText(`${conduct} summary`)).trim(), 'Russia, United States (administration)');

  for (const [card, name] of [['Who must agree', 'who-must-agree'], ['Proposals', 'proposals']] as const) {
    await page.locator(`section[aria-label="${card}"]`).screenshot({ path: `${screenshotDir}/channels-${name}-1440.png` });
  }

  // Saved (Ctrl+S), as a scenario (not a draft).
  assert.equal((await page.innerText('#channels-save')).trim(), 'Save changes');
  await page.keyboard.press('Control+s');
  await page.waitForSelector('#channels-save:has-text("Saved")');
  const saved = await stored(scenario.id);
  assert.equal(saved.draft, undefined);
  assert.deepEqual(saved.scenario.proposals?.[2], { date: '2024-01-28', from: 'us', to: 'russia', issue: 'settlement', position: 70, channel: 'private', label: 'talks on a ceasefire' });
  assert.deepEqual(saved.scenario.issues[0]?.ratifiers, [{ actor: 'us-republicans', for: 'us' }]);
  assert.deepEqual(saved.scenario.issues[0]?.table, { channel: 'private', leak: 0.25 });
  assert.deepEqual(saved.scenario.trust?.records?.[1]?.seenBy, [...minskSeenBy, 'china']);
  assert.deepEqual(saved.scenario.events?.[0]?.effects?.at(-1), { record: { actors: ['russia', 'us'], outcome: 'broken' } });

  // Reloaded: every value is shown again.
  await openChannels(page, scenario.id);
  await page.selectOption('#deal-fields-issue', 'settlement');
  assert.equal(await page.inputValue(field('proposals[2].label')), 'talks on a ceasefire');
  assert.equal(await page.inputValue(field('proposals[2].from')), 'us');
  assert.equal(await page.inputValue(field('proposals[2].to')), 'russia');
  assert.equal(await page.inputValue(field('proposals[2].position')), '70');
  assert.equal(await page.inputValue(field('proposals[2].channel')), 'private');
  assert.equal(await page.inputValue(field('issues[0].ratifiers[0].actor')), 'us-republicans');
  assert.equal(await page.inputValue(field('issues[0].ratifiers[0].for')), 'us');
  assert.equal(await page.inputValue(field('issues[0].table.channel')), 'private');
  assert.equal(await page.inputValue(field('issues[0].table.leak')), '0.25');
  assert.match(await page.innerText(`${seenBy} summary`), /China$/u);
  assert.equal(await page.isChecked(`${seenBy} input[value="china"]`), true);

  // A position outside the issue's scale: its problem beside the field and in the list, in words.
  await page.fill(field('proposals[2].position'), '150');
  const note = noteOf(page, 'proposals[2].position');
  await note.waitFor();
  assert.equal((await note.innerText()).trim(), "proposal “talks on a ceasefire” (2024-01-28), position: position 150 is outside the issue's scale [0, 100]");
  assert.match(await page.innerText('#channels-problems'), /1 problem\(s\):\s*proposal “talks on a ceasefire” \(2024-01-28\), position: position 150/u);
  assert.equal(await page.getAttribute(field('proposals[2].position'), 'aria-invalid'), 'true');
  // The same actor offering and receiving: a second problem, on the proposal.
  await page.selectOption(field('proposals[2].to'), 'us');
  assert.match(await page.innerText('#channels-problems'), /2 problem\(s\):.*"from" and "to" name the same actor/su);
  // The save does not make it a scenario: it saves a draft, which the Deal tab refuses to analyse.
  assert.equal((await page.innerText('#channels-save')).trim(), 'Save draft');
  await page.click('#channels-save');
  await page.waitForSelector('#channels-save:has-text("Saved as draft")');
  const draft = await stored(scenario.id);
  assert.equal(draft.draft, true);
  assert.deepEqual(
    draft.problems.map((problem) => problem.field),
    ['proposals[2]', 'proposals[2].position'],
  );
  await page.click('#tab-deal');
  await page.waitForSelector('#deal-status');
  assert.equal((await page.innerText('#deal-status')).trim(), 'The scenario has 2 problem(s): fix them in the Editor or Channels & time tab.');
  assert.equal(await page.isDisabled('#deal-run'), true);
  assert.equal(await page.locator('#deal-p-agreement').count(), 0, 'a draft is not analysed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an unknown actor in a list is shown checked, marked and in words; unticking it fixes the scenario', async () => {
  const errors: string[] = [];
  const text = exampleText.replace('      seenBy:\n        - ukraine\n        - us\n        - germany\n        - eu\n', '      seenBy:\n        - ukraine\n        - nato\n');
  assert.notEqual(text, exampleText);
  const scenario = await importScenario(text, 'unknown-actor.yaml');
  assert.equal((scenario as StoredDraft).draft, true, 'the import keeps it as a draft');
  const page = await newPage(errors, 1440);
  await openChannels(page, scenario.id);
  const seenBy = field('trust.records[0].seenBy');
  const note = noteOf(page, 'trust.records[0].seenBy[1]');
  assert.match(await page.innerText(`${seenBy} summary`), /^Ukraine, nato \(not in the list\)$/u);
  const words = (await page.locator(`${seenBy} > .field-problem`).innerText()).trim();
  assert.match(words, /^trust, record “Budapest Memorandum \(1994\) assurances” \(2014-02-27\), observer 2: .*"nato"/u);
  assert.equal(await note.count(), 0, 'the problem is on the picker (the nearest field shown)');
  // The problem in the list takes the focus to the picker, opened.
  await page.click('#channels-problems button.link');
  assert.equal(await page.evaluate(`document.activeElement?.closest('${seenBy}') !== null && document.activeElement.type`), 'checkbox');
  assert.equal(await page.evaluate(`document.querySelector('${seenBy} details').open`), true);
  assert.equal((await page.innerText('#channels-save')).trim(), 'Saved as draft');
  await page.uncheck(`${seenBy} input[value="nato"]`);
  assert.equal((await page.innerText('#channels-problems')).trim(), '');
  assert.equal((await page.innerText('#channels-save')).trim(), 'Save changes');
  await page.keyboard.press('Control+s');
  await page.waitForSelector('#channels-save:has-text("Saved")');
  const saved = await stored(scenario.id);
  assert.equal(saved.draft, undefined);
  assert.deepEqual(saved.scenario.trust?.records?.[0]?.seenBy, ['ukraine']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('at 390 px the Channels & time tab is usable: no table cut off, the page no wider than the window', async () => {
  const errors: string[] = [];
  const scenario = await importScenario(exampleText, 'backchannel-2024-channels.yaml');
  const page = await newPage(errors, 390);
  await openChannels(page, scenario.id);
  await page.click('#add-ratifier');
  await page.selectOption(field('issues[0].table.channel'), 'private');
  await page.click(`${field('trust.records[0].seenBy')} summary`);
  await page.screenshot({ path: `${screenshotDir}/channels-deal-390.png`, fullPage: true });
  for (const [card, name] of [['Who must agree', 'who-must-agree'], ['Proposals', 'proposals'], ['Trust', 'trust']] as const) {
    await page.locator(`section[aria-label="${card}"]`).screenshot({ path: `${screenshotDir}/channels-${name}-390.png` });
  }
  const { tables, pageOverflow } = await cutOff(page);
  assert.deepEqual(tables, []);
  const overflowing = await page.evaluate(
    `[...document.querySelectorAll('.channels-view *')].filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5 && !element.closest('.table-scroll')).map((element) => element.tagName + '.' + element.className + '[' + (element.getAttribute('data-field') ?? element.id) + ']').slice(0, 8)`,
  );
  assert.ok(pageOverflow <= 0, `the page overflows the window by ${pageOverflow} px: ${JSON.stringify(overflowing)}`);
  // Every proposal field and the pickers fit the window.
  const wide = await page.evaluate(
    `[...document.querySelectorAll('#proposals-list input, #proposals-list select, .id-picker.inline, #deal-fields-issue')].filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5).map((element) => element.getAttribute('data-field') ?? element.id)`,
  );
  assert.deepEqual(wide, []);
  assert.deepEqual(errors, []);
  await page.close();
});
