/**
 * The workbench's charts as an analyst meets them (issue 14, items 13–17), in a real browser:
 * 13 every series visible (actors drawn over the median, coincident forecasts and the status quo on one
 *    rule of alternating colours with one label, end labels on the rounds chart's lines);
 * 14 the models' notes beside the numbers they qualify;
 * 15 at 390 px every view usable: chart text rendered at 11 px or more, charts sized to their card,
 *    tables scrolling in their own box, no horizontal overflow of the page;
 * 16 one fixed colour per model and per actor, across charts and re-runs, never shared between them;
 *    shapes beyond 8 actors;
 * 17 exports that say what they are (caption in the SVG and PNG, comment lines in the CSV), and no
 *    chart text clipped at the chart's edge.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../support/browser.js';
import { screenshotDir, startWorkbench, stopWorkbench } from '../support/e2e.js';
import { cutOff } from '../support/layout.js';
import { fromRepo } from '../support/paths.js';
import { exportedSvg, svgTexts } from '../support/svgExport.js';
import type { TestServer } from '../support/workbench.js';

/** docs/workbench.md's screenshots of the charts at 390 px are written to docs/img/ only with PARLEY_DOC_SHOTS=1 (as keyboard.test.ts's). */
const shotPath = (name: string) => (process.env.PARLEY_DOC_SHOTS === '1' ? fromRepo('docs', 'img', `${name}.png`) : `${screenshotDir}/${name}.png`);

let server: TestServer;
let browser: LaunchedBrowser;
/** The store's first scenario: the worked example, seeded. */
const workedExampleId = 1;

before(async () => {
  ({ server, browser } = await startWorkbench());
});
after(() => stopWorkbench({ server, browser }));

async function openPage(width: number, hash = `#/scenario/${workedExampleId}/editor`): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

/** Ticks exactly the models `ids` (all when absent) and runs them. */
async function run(page: Page, ids?: readonly string[]): Promise<void> {
  await page.click('#tab-results');
  for (const box of await page.locator('input[name="model"]').all()) {
    const wanted = ids === undefined || ids.includes((await box.getAttribute('value')) ?? '');
    if ((await box.isChecked()) !== wanted) await box.click();
  }
  const before = await page.locator('#run-status').innerText();
  await page.click('#run');
  await page.waitForFunction(`(() => {
    const text = document.querySelector('#run-status')?.textContent ?? '';
    return text !== ${JSON.stringify(before)} && / ms$/u.test(text);
  })()`);
  await page.waitForSelector('#forecast-chart svg');
}

async function storeScenario(scenario: object): Promise<number> {
  const response = await server.request('POST', '/api/scenarios', { scenario });
  assert.equal(response.status, 201, response.text);
  return (response.body as { id: number }).id;
}

/** Every chart text whose box leaves its SVG's box (a clipped label), as "card: text". */
function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const clipped = [];
    for (const svg of document.querySelectorAll('.chart svg')) {
      const frame = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        const box = text.getBoundingClientRect();
        if (box.width === 0) continue;
        if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) clipped.push((svg.closest('section')?.id ?? '?') + ': ' + text.textContent);
      }
    }
    return clipped;
  })()`);
}

/** The size every chart text is drawn at (its font size × the SVG's scale on screen), the smallest per card. */
function renderedFontSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(`(() => {
    const sizes = {};
    for (const svg of document.querySelectorAll('.chart svg')) {
      const card = svg.closest('section')?.id ?? '?';
      const scale = svg.getScreenCTM()?.a ?? 1;
      for (const text of svg.querySelectorAll('text')) {
        if (!text.textContent) continue;
        const size = parseFloat(getComputedStyle(text).fontSize) * scale;
        sizes[card] = Math.min(sizes[card] ?? Infinity, size);
      }
    }
    return sizes;
  })()`);
}

test('13: actors drawn over the median, coincident forecasts and the status quo labelled together, end labels on the rounds chart', async () => {
  const { page, errors } = await openPage(1440);
  await run(page);
  // On the worked example every actor ends on the median (40) of EUM: a dot at the last round is on top, not the median line.
  const onTop = String(await page.evaluate(`(() => {
    const dots = [...document.querySelectorAll('#rounds-chart g[aria-label="dot"] > *')];
    dots.at(-1).scrollIntoView({ block: 'center' });
    const last = dots.at(-1).getBoundingClientRect();
    const top = document.elementFromPoint(last.x + last.width / 2, last.y + last.height / 2);
    return top.closest('g[aria-label]')?.getAttribute('aria-label') + ' ' + (top.getAttribute('stroke') ?? top.parentElement.getAttribute('stroke') ?? '');
  })()`));
  assert.match(onTop, /^dot/u, `the median line covers the actors' dots (on top: ${onTop})`);
  // End labels: every actor named at its line's end; the seven who end at 40.0 under one heading.
  const endLabels = await page.locator('#rounds-chart g.end-label text').allTextContents();
  const names = ((await server.request('GET', `/api/scenarios/${workedExampleId}`)).body as { scenario: { actors: { name: string }[] } }).scenario.actors.map((actor) => actor.name);
  for (const name of names) assert.ok(endLabels.includes(name), `no end label for ${name}: ${endLabels.join(' | ')}`);
  assert.ok(endLabels.includes('40.0:'), endLabels.join(' | '));
  // EUM and the weighted median both forecast 40.0 on the settlement: one label, one rule in both colours.
  const forecastLabels = await page.locator('#forecast-chart g.forecast-label text').allTextContents();
  assert.ok(forecastLabels.includes('weighted median, EUM: 40.0'), forecastLabels.join(' | '));
  const dashes = await page.locator('#forecast-chart g.forecast-rule[stroke-dasharray]').count();
  assert.ok(dashes >= 2, 'coincident forecasts are not drawn in alternating dashes');
  assert.deepEqual(errors, []);

  // A scenario where every model forecasts the status quo: the status quo and Nash share a rule and a label.
  const id = await storeScenario({
    title: 'Everyone at 30',
    salienceScale: 100,
    issues: [{ id: 'deal', name: 'Deal', scale: { min: 0, max: 100, minLabel: 'none', maxLabel: 'full' }, statusQuo: 30 }],
    actors: ['a', 'b', 'c'].map((actor, index) => ({ id: actor, capability: 10 + index, stances: { deal: { position: 30, salience: 50 } } })),
  });
  await page.goto(`${server.url}#/scenario/${id}/results`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await run(page, ['weighted-mean', 'nash']);
  const together = await page.locator('#forecast-chart g.forecast-label text').allTextContents();
  assert.deepEqual(together, ['weighted mean, Nash, status quo: 30.0']);
  assert.equal(await page.locator('#forecast-chart g.status-quo line').count(), 1);
  assert.ok(await page.locator('#forecast-chart g.status-quo[stroke-dasharray]').count(), 'the status quo is not drawn in its share of dashes');
  await page.close();
});

test('14: the models’ notes are shown beside the numbers they qualify', async () => {
  const { page } = await openPage(1440);
  await run(page);
  const notes = await page.evaluate(`(() => {
    const list = Object.fromEntries([...document.querySelectorAll('#outcome-notes li')].map((item) => [item.value, item.textContent]));
    const row = (model) => [...document.querySelectorAll('#outcomes tbody tr')].find((tr) => tr.querySelector('th').getAttribute('title') === model);
    const marks = (cell) => [...cell.querySelectorAll('sup.note-ref')].map((mark) => list[Number(mark.dataset.note)]);
    const nash = row('nash');
    const smp = row('smp');
    return { nashSettlement: marks(nash.querySelectorAll('td')[0]), smpRow: marks(smp.querySelector('th')) };
  })()`);
  const { nashSettlement, smpRow } = notes as { nashSettlement: string[]; smpRow: string[] };
  assert.ok(nashSettlement.some((text) => /issue "settlement" has no status quo/u.test(text)), nashSettlement.join(' | '));
  assert.ok(smpRow.some((text) => /actor "russia": saliences over settlement, talks sum to 155 > 100; scaled down/u.test(text)), smpRow.join(' | '));
  await page.close();
});

test('15: at 390 px every view is usable: 11 px chart text, charts fit their card, tables scroll in their own box', async () => {
  const { page, errors } = await openPage(390);
  await page.waitForSelector('#actors-table');
  const views: Record<string, () => Promise<void>> = {
    editor: async () => {
      await page.click('#tab-editor');
      await page.waitForSelector('#actors-table');
    },
    results: async () => {
      await run(page);
      for (const [card, name] of [['#outcomes-card', 'workbench-charts-390'], ['#forecast-chart', 'workbench-forecast-390']] as const) {
        await page.evaluate(`document.querySelector('${card}').scrollIntoView({ block: 'start' })`);
        await page.screenshot({ path: shotPath(name) });
      }
    },
    sweep: async () => {
      await page.click('#tab-sweep');
      await page.fill('#sweep-runs', '60');
      await page.press('#sweep-runs', 'Tab');
      await page.click('#run-sweep');
      await page.waitForSelector('#sweep-status:has-text("Swept 60 runs")', { timeout: 60_000 });
      await page.waitForSelector('#sweep-histogram svg');
    },
    history: async () => {
      await page.click('#tab-results');
      await page.click('#save-run');
      await page.waitForSelector('#save-run:disabled');
      await page.click('#tab-history');
      await page.waitForSelector('#history-table tbody tr');
    },
    backtest: async () => {
      await page.click('#open-backtest');
      await page.waitForSelector('#main .card');
    },
  };
  for (const [view, show] of Object.entries(views)) {
    await show();
    await page.screenshot({ path: `${screenshotDir}/charts-390-${view}.png`, fullPage: true });
    const { tables, pageOverflow } = await cutOff(page);
    assert.deepEqual(tables, [], `${view}: tables cut off`);
    assert.ok(pageOverflow <= 0, `${view}: the page overflows the window by ${pageOverflow} px`);
    const sizes = await renderedFontSizes(page);
    for (const [card, size] of Object.entries(sizes)) assert.ok(size >= 10.99, `${view}: text in ${card} is drawn at ${size.toFixed(1)} px`);
    assert.deepEqual(await clippedTexts(page), [], `${view}: chart text clipped`);
    // Sized to the card, not a wider drawing scaled down or cut.
    const fits = await page.evaluate(`[...document.querySelectorAll('.chart > svg, .chart svg')].map((svg) => ({ card: svg.closest('section')?.id, width: svg.getBoundingClientRect().width, box: svg.closest('.chart').clientWidth, drawn: Number(svg.getAttribute('width')) }))`);
    for (const { card, width, box, drawn } of fits as { card: string; width: number; box: number; drawn: number }[]) {
      assert.ok(Math.abs(width - drawn) < 0.5, `${view}: ${card} is drawn ${drawn} px wide but shown at ${width.toFixed(0)} px`);
      assert.ok(width <= box + 0.5, `${view}: ${card} is ${width.toFixed(0)} px wide in a ${box} px card`);
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('16: a colour per model and per actor, the same in every chart and after a re-run with fewer models; shapes beyond 8 actors', async () => {
  const { page } = await openPage(1440);
  await run(page);
  const colours = () =>
    page.evaluate(`(() => {
      const rules = {};
      const labels = [...document.querySelectorAll('#forecast-chart g.forecast-label text')].map((text) => [text.textContent, text.getAttribute('fill')]);
      const legend = (card) => Object.fromEntries([...document.querySelectorAll(card + ' .svg-legend g[transform]')].map((item) => [item.querySelector('text').textContent, item.firstElementChild.getAttribute('fill') ?? item.firstElementChild.getAttribute('stroke')]));
      const dots = Object.fromEntries([...document.querySelectorAll('#forecast-chart g[aria-label="dot"] > *')].map((dot) => [dot.querySelector('title').textContent.split(':')[0], dot.getAttribute('fill')]));
      return { labels, rounds: legend('#rounds-chart'), forecast: legend('#forecast-chart'), plane: legend('#smp-plane'), dots };
    })()`) as Promise<{ labels: [string, string][]; rounds: Record<string, string>; forecast: Record<string, string>; plane: Record<string, string>; dots: Record<string, string> }>;
  const all = await colours();
  // Actors: the same colour in the rounds chart, the forecast chart's dots and the SMP plane.
  for (const [name, colour] of Object.entries(all.dots)) {
    assert.equal(all.rounds[name], colour, `${name}: rounds chart ${all.rounds[name]}, forecast chart ${colour}`);
    assert.equal(all.plane[name], colour, `${name}: SMP plane ${all.plane[name]}, forecast chart ${colour}`);
  }
  assert.equal(all.dots.Russia, '#0072B2');
  // Models never wear an actor's colour.
  const actorColours = new Set(Object.values(all.dots));
  for (const [model, colour] of Object.entries(all.forecast)) assert.ok(!actorColours.has(colour), `${model} has an actor's colour ${colour}`);
  // Fewer models: each keeps its colour.
  await run(page, ['nash', 'eum']);
  const fewer = await colours();
  assert.deepEqual(Object.keys(fewer.forecast), ['Nash', 'EUM']);
  for (const model of ['Nash', 'EUM']) assert.equal(fewer.forecast[model], all.forecast[model], `${model} changed colour`);

  // Ten actors: colours repeat from the ninth, with another shape.
  const id = await storeScenario({
    title: 'Ten actors',
    salienceScale: 100,
    issues: [{ id: 'x', name: 'X', scale: { min: 0, max: 100 } }],
    actors: Array.from({ length: 10 }, (_, index) => ({ id: `actor${index}`, capability: 10 + index, stances: { x: { position: index * 11, salience: 40 + index } } })),
  });
  await page.goto(`${server.url}#/scenario/${id}/results`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await run(page, ['eum']);
  const samples = (await page.evaluate(`[...document.querySelectorAll('#rounds-chart .svg-legend g[transform]')].slice(2).map((item) => item.firstElementChild.tagName + ' ' + item.firstElementChild.getAttribute('fill') + ' ' + (item.firstElementChild.getAttribute('d') ?? ''))`)) as string[];
  assert.equal(samples.length, 10);
  assert.equal(new Set(samples).size, 10, `two actors look alike in the legend: ${samples.join(' | ')}`);
  const dotShapes = await page.evaluate(`new Set([...document.querySelectorAll('#rounds-chart g[aria-label="dot"] > path')].map((dot) => dot.getAttribute('d'))).size`);
  assert.ok((dotShapes as number) >= 2, 'the rounds chart draws every actor with the same shape');
  await page.close();
});

test('17: exports carry their title, scenario, issue, model, round and date; no chart text is clipped', async () => {
  for (const width of [1440, 390]) {
    const { page } = await openPage(width);
    await run(page);
    assert.deepEqual(await clippedTexts(page), [], `at ${width} px`);
    if (width === 390) {
      await page.close();
      continue;
    }
    const texts = svgTexts(await exportedSvg(page, '#rounds-chart'));
    for (const wanted of ['Positions round by round — EUM', 'US–Russia back-channel over Ukraine (January 2024)', 'Terms of a Russia–Ukraine settlement', 'EUM', 'rounds 0–10', '2024-01-28']) {
      assert.ok(texts.some((text) => text.includes(wanted)), `the SVG's caption lacks "${wanted}": ${texts.slice(-4).join(' | ')}`);
    }
    assert.ok(texts.some((text) => /exported: \d{4}-\d\d-\d\d \d\d:\d\d UTC/u.test(text)), 'the caption has no export date');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#dyad-chart [data-export="csv"]')]);
    const lines = readFileSync((await csv.path())!, 'utf8').split('\n');
    assert.equal(lines[0], '# chart: Dyad matrix — EUM');
    assert.ok(lines.includes('# issue: Terms of a Russia–Ukraine settlement'), lines.slice(0, 8).join('\n'));
    assert.ok(lines.includes('# model: EUM'));
    assert.ok(lines.includes('# round: round 1 of 10'));
    assert.ok(lines.some((line) => /^# exported: \d{4}-/u.test(line)));
    assert.equal(lines.find((line) => !line.startsWith('#')), 'round,actor,other,perception,probability,expectedUtility,otherExpectedUtility,offer,taken');
    // The PNG is drawn from the captioned SVG: taller than the chart on screen (IHDR height at 2×).
    const shown = await page.locator('#forecast-chart svg').boundingBox();
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#forecast-chart [data-export="png"]')]);
    const bytes = readFileSync((await png.path())!);
    assert.ok(bytes.readUInt32BE(20) > 2 * shown!.height + 40, `PNG height ${bytes.readUInt32BE(20)} for a chart ${shown!.height} px tall: no caption`);
    await page.close();
  }
});
