/**
 * The workbench's tabs and run bar from the keyboard and in words (issue 14, items 18 and 20): Enter
 * on a tab shows its view and the focus stays on that tab; with unsaved edits, the run bar's save
 * button says it saves the scenario too. It also takes the screenshots docs/workbench.md shows, at
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
