/**
 * The workbench's tabs and run bar from the keyboard and in words (issue 14, items 18 and 20): Enter
 * on a tab shows its view and the focus stays on that tab; the dyad matrix is one tab stop whose cells
 * the arrow keys, Home and End move between, the explanation following; the editor's arrow keys and
 * Enter do what its hint says in every table; with unsaved edits, the run bar's save button says it
 * saves the scenario too. It also takes the screenshots docs/workbench.md shows, at
 * 1440 and 390 px (written to docs/img/ with PARLEY_DOC_SHOTS=1).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../support/browser.js';
import { screenshotDir, startWorkbench, stopWorkbench } from '../support/e2e.js';
import { fromRepo } from '../support/paths.js';
import type { TestServer } from '../support/workbench.js';

/** The docs' screenshots are written to docs/img/ only with PARLEY_DOC_SHOTS=1 (else to artifacts/e2e/). */
const shotPath = (name: string) => (process.env.PARLEY_DOC_SHOTS === '1' ? fromRepo('docs', 'img', `${name}.png`) : `${screenshotDir}/${name}.png`);

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

const focusedId = (page: Page) => page.evaluate('document.activeElement?.id ?? ""');

test('Enter on a tab shows its view and keeps the focus on the tab', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await page.focus('#tab-results');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#run');
  assert.equal(await focusedId(page), 'tab-results');
  assert.equal(await page.getAttribute('#tab-results', 'aria-selected'), 'true');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#actors-table');
  assert.equal(await focusedId(page), 'tab-editor');
  await page.close();
});

/** The focused dyad cell as `actor|other`. */
const focusedDyad = (page: Page) => page.evaluate('document.activeElement?.getAttribute("data-dyad") ?? ""') as Promise<string>;
const focusedField = (page: Page) => page.evaluate('document.activeElement?.getAttribute("data-field") ?? ""') as Promise<string>;

test('the dyad matrix is one tab stop: arrow keys, Home and End move between its cells, and the explanation follows', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await page.click('#tab-results');
  await page.click('#run');
  await page.waitForSelector('#dyad-chart rect[data-dyad]');
  assert.equal(await page.locator('#dyad-chart rect[tabindex="0"]').count(), 1, 'one tab stop');
  const order = (await page.locator('#dyad-chart rect[data-dyad]').evaluateAll((rects) => rects.map((rect) => rect.getAttribute('data-dyad')))) as string[];
  const actors = [...new Set(order.map((key) => key.split('|')[0]!))];

  // The tab stop is the first cell: row 0 (the first actor's view) about the second actor.
  assert.equal(await page.getAttribute('#dyad-chart rect[tabindex="0"]', 'data-dyad'), `${actors[0]}|${actors[1]}`);
  await page.focus('#dyad-chart rect[tabindex="0"]');
  const explanation = () => page.innerText('#dyad-explanation');
  const firstText = await explanation();
  const cell = (row: number, column: number) => `${actors[row]}|${actors[column]}`;
  const press = async (key: string, expected: string, what: string) => {
    await page.keyboard.press(key);
    assert.equal(await focusedDyad(page), expected, what);
    assert.equal(await page.getAttribute('#dyad-chart rect[tabindex="0"]', 'data-dyad'), expected, `${what}: the tab stop moves with the focus`);
  };
  await press('ArrowRight', cell(0, 2), '→ moves along the row');
  assert.notEqual(await explanation(), firstText, 'the explanation follows the focused cell');
  assert.match(await explanation(), new RegExp(await page.evaluate(`document.querySelector('#dyad-chart rect[tabindex="0"]').getAttribute('aria-label').split(' about ')[0]`) as string, 'u'));
  await press('ArrowDown', cell(1, 2), '↓ moves down the column');
  await press('ArrowLeft', cell(1, 0), '← skips the empty diagonal');
  await press('ArrowDown', cell(2, 0), '↓ again');
  await press('ArrowUp', cell(1, 0), '↑');
  await press('ArrowUp', cell(1, 0), '↑ stops at the edge (the diagonal cell is empty)');
  await press('End', cell(1, actors.length - 1), 'End: the row\'s last cell');
  await press('Home', cell(1, 0), 'Home: the row\'s first cell');
  await press('Control+End', cell(actors.length - 1, actors.length - 2), 'Ctrl+End: the last cell');
  await press('Control+Home', cell(0, 1), 'Ctrl+Home: the first cell');
  await press('ArrowDown', cell(2, 1), '↓ from the first cell skips the diagonal');

  // Tab leaves the matrix at once (one tab stop), and Shift+Tab comes back to the cell last focused.
  const before = await focusedDyad(page);
  await page.keyboard.press('Tab');
  assert.equal(await focusedDyad(page), '', 'Tab leaves the matrix');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedDyad(page), before, 'Shift+Tab comes back to the same cell');
  await page.close();
});

test('the editor does what its hint says: arrow keys and Enter move between the cells of every table', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  const hint = await page.innerText('.editor .hint');
  assert.match(hint, /Enter/u);
  // Give the worked example a source row, a space with an ideal adjustment and a question, so that every table has cells.
  await page.click('#add-space');
  await page.click('#add-ideal-adjustment-0');
  await page.click('#add-ideal-adjustment-0');
  await page.click('#add-question');
  await page.click('#add-question');

  const tables = await page.locator('.editor table.grid').evaluateAll((found) => found.map((table) => table.id));
  for (const table of ['sources-table', 'issues-table', 'actors-table', 'actor-details-table', 'ranges-table', 'spaces-table', 'ideal-adjustments-0', 'questions-table']) {
    assert.ok(tables.includes(table), `the editor has ${table}`);
  }
  for (const table of tables) {
    const cells = page.locator(`#${table} tbody tr:first-child .cell`);
    if ((await page.locator(`#${table} tbody tr`).count()) < 2 || (await cells.count()) < 3) continue;
    const fields = (await cells.evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-field')))) as string[];
    await page.focus(`[data-field="${fields[0]}"]`);
    // Arriving in a cell selects its text; → then moves at once, and again from the next cell.
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedField(page), fields[1], `${table}: → from the first cell`);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedField(page), fields[2], `${table}: → again`);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedField(page), fields[1], `${table}: ←`);
    const column = await page.evaluate('document.activeElement.closest("td").cellIndex');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate('document.activeElement.closest("tr").sectionRowIndex'), 1, `${table}: ↓`);
    assert.equal(await page.evaluate('document.activeElement.closest("td").cellIndex'), column, `${table}: ↓ keeps the column`);
    await page.keyboard.press('ArrowUp');
    assert.equal(await focusedField(page), fields[1], `${table}: ↑`);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate('document.activeElement.closest("tr").sectionRowIndex'), 1, `${table}: Enter moves down`);
    await page.keyboard.press('Shift+Enter');
    assert.equal(await focusedField(page), fields[1], `${table}: Shift+Enter moves up`);
  }

  // Moving off an issue's id (which redraws the editor) still lands in the next row.
  await page.focus('[data-field="issues[0].id"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedField(page), 'issues[1].id');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedField(page), 'issues[1].name');

  // In the middle of a text the caret moves inside it, as the hint says.
  await page.focus('[data-field="issues[1].name"]');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedField(page), 'issues[1].name', 'the caret moved inside the text first');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedField(page), 'issues[1].description');
  await page.close();
});

test('with unsaved edits, saving the run says it saves the scenario too; screenshots at 1440 and 390 px', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await page.screenshot({ path: shotPath('workbench-editor-1440') });
  await page.click('#tab-results');
  await page.click('#run');
  await page.waitForSelector('#save-run');
  assert.equal((await page.innerText('#save-run')).trim(), 'Save run to history');
  // The Run bar names the models, not their ids.
  assert.match(await page.innerText('.model-choices'), /Expected utility model/u);
  await page.screenshot({ path: shotPath('workbench-charts-1440') });

  await page.click('#tab-editor');
  await page.fill('[data-field="actors[1].stances.settlement.salience"]', '10');
  await page.click('#tab-results');
  await page.click('#run');
  await page.waitForSelector('#save-run');
  assert.equal((await page.innerText('#save-run')).trim(), 'Save scenario and run to history');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.click('#tab-editor');
  await page.waitForSelector('#actors-table');
  await page.screenshot({ path: shotPath('workbench-editor-390') });
  await page.close();
});
