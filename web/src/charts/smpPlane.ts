/**
 * The SMP on a plane: two issues of one policy space as the axes, each actor's position turn by turn
 * as a path, and the probability-weighted outcome (Σ over distinct positions of P(position is the
 * outcome) × position: what the model forecasts after the last turn) as a black path. A slider picks
 * the turn shown; dots at that turn are sized by the probability that the actor's position wins.
 */
import * as Plot from '@observablehq/plot';
import type { Forecast, IssueForecast } from '../../../src/models/model.js';
import { smpSpaces } from '../../../src/models/smp/space.js';
import type { Issue, Scenario } from '../../../src/scenario/schema.js';
import { actorNames } from '../actorNames.js';
import { h } from '../dom.js';
import { actorStyle, actorStyles } from '../palette.js';
import { measurer, plotStyle } from './chartText.js';
import { xIssueAxis, yIssueAxis } from './issueAxis.js';
import { chartCard } from './card.js';
import { svgLegend } from './svgLegend.js';
import { issueSelect, stepSlider } from '../controls.js';

/** What the person chose to look at: the two issues and the turn (the last when absent). */
export interface SmpPlaneChoice {
  x?: string;
  y?: string;
  turn?: number;
}

/** KTAB's tolerance for two positions being the same (on [0, 1]^m, as in src/models/smp/dynamics.ts). */
const samePositionTolerance = 1e-3;

/**
 * The probability-weighted outcome after each turn, per issue of the space, on the issues' scales.
 * Actors holding the same position share its probability; each distinct position counts once (its
 * first actor, as the model does), so after the last turn this is the model's `outcome`.
 */
export function weightedOutcomes(issues: readonly IssueForecast[], scales: readonly Issue['scale'][]): number[][] {
  const turns = issues[0]?.rounds.length ?? 0;
  const result: number[][] = [];
  for (let t = 0; t < turns; t++) {
    const round = issues[0]!.rounds[t]!;
    const actors = Object.keys(round.positions);
    const unit = (actor: string) => issues.map((issue, k) => (issue.rounds[t]!.positions[actor]! - scales[k]!.min) / (scales[k]!.max - scales[k]!.min));
    const points = actors.map(unit);
    const distinct: number[] = [];
    points.forEach((point, i) => {
      const same = distinct.some((j) => Math.hypot(...point.map((value, k) => value - points[j]![k]!)) < samePositionTolerance);
      if (!same) distinct.push(i);
    });
    result.push(
      issues.map((_, k) => {
        let sum = 0;
        for (const i of distinct) sum += round.smp!.probabilities[actors[i]!]! * points[i]![k]!;
        return scales[k]!.min + sum * (scales[k]!.max - scales[k]!.min);
      }),
    );
  }
  return result;
}

/** The card, when an SMP forecast covers a space of two or more issues; null otherwise. */
export function smpPlaneCard(forecasts: readonly Forecast[], scenario: Scenario, choice: SmpPlaneChoice, changed: () => void, width: number): HTMLElement | null {
  const forecast = forecasts.find((candidate) => candidate.model === 'smp');
  if (!forecast) return null;
  const spaceOption = typeof forecast.options.space === 'string' ? forecast.options.space : undefined;
  const space = smpSpaces(scenario, spaceOption).find((candidate) => candidate.issues.length >= 2);
  if (!space) return null;
  const issueForecasts = space.issues.map((issue) => forecast.issues.find((candidate) => candidate.issue === issue.id));
  if (issueForecasts.some((candidate) => !candidate?.rounds.every((round) => round.smp))) return null;
  const spaceIssues = issueForecasts as IssueForecast[];
  const ids = space.issues.map((issue) => issue.id);
  const xId = choice.x && ids.includes(choice.x) ? choice.x : ids[0]!;
  const yId = choice.y && ids.includes(choice.y) && choice.y !== xId ? choice.y : ids.find((id) => id !== xId)!;
  const xIndex = ids.indexOf(xId);
  const yIndex = ids.indexOf(yId);
  const xIssue = space.issues[xIndex]!;
  const yIssue = space.issues[yIndex]!;
  const lastTurn = spaceIssues[0]!.rounds.length - 1;
  const turn = Math.min(Math.max(0, choice.turn ?? lastTurn), lastTurn);
  const outcomes = weightedOutcomes(spaceIssues, space.issues.map((issue) => issue.scale));
  const names = actorNames(scenario.actors);
  const actors = Object.keys(spaceIssues[0]!.rounds[0]!.positions);

  const paths = spaceIssues[0]!.rounds.flatMap((round, t) =>
    actors.map((actor) => ({
      turn: t,
      id: actor,
      actor: names[actor] ?? actor,
      x: spaceIssues[xIndex]!.rounds[t]!.positions[actor]!,
      y: spaceIssues[yIndex]!.rounds[t]!.positions[actor]!,
      probability: round.smp!.probabilities[actor]!,
    })),
  );
  const outcomePath = outcomes.map((point, t) => ({ turn: t, x: point[xIndex]!, y: point[yIndex]! }));
  const now = paths.filter((row) => row.turn === turn);
  const starts = paths.filter((row) => row.turn === 0);
  const here = outcomePath[turn]!;
  const side = Math.min(width, 820);
  const styles = actorStyles(scenario.actors);
  const styleOf = (actor: string, index: number) => styles.get(actor) ?? actorStyle(index);
  const actorStyleList = actors.map(styleOf);
  const manyActors = new Set(actorStyleList.map((style) => style.colour)).size < actors.length;
  const legend = svgLegend(
    [
      ...actors.map((actor, index) => ({ label: names[actor] ?? actor, colour: actorStyleList[index]!.colour, ...(manyActors && { symbol: actorStyleList[index]!.symbol }) })),
      { label: 'weighted outcome', colour: 'black', mark: 'dashed' as const, strong: true },
    ],
    side - 20,
    { maxLabel: 36 },
  );
  // The legend goes under the x axis: the y axis's name takes the top.
  const legendGap = 6;
  const frameHeight = Math.max(240, Math.min(side - 200, 560));
  const yAxis = yIssueAxis(yIssue, frameHeight, Math.min(160, Math.max(60, 0.2 * side)), side);
  const marginRight = side < 600 ? 60 : 90;
  const xAxis = xIssueAxis(xIssue, side - yAxis.margin - marginRight);
  const marginBottom = xAxis.margin + legend.height + legendGap;
  const measure = measurer();
  const frameWidth = side - yAxis.margin - marginRight;
  const rightRoom = (x: number) => side - 4 - (yAxis.margin + ((x - xIssue.scale.min) / (xIssue.scale.max - xIssue.scale.min || 1)) * frameWidth) - 8;
  const startsRight = starts.filter((row) => measure(row.actor) <= rightRoom(row.x));
  const startsLeft = starts.filter((row) => measure(row.actor) > rightRoom(row.x));
  const chart = Plot.plot({
    width: side,
    height: yAxis.marginTop + frameHeight + marginBottom,
    style: plotStyle,
    marginTop: yAxis.marginTop,
    marginLeft: yAxis.margin,
    marginRight,
    marginBottom,
    x: { ...xAxis.scale },
    y: { ...yAxis.scale },
    // Keyed by actor id: two actors of the same name keep their own colour and path.
    color: { domain: actors, range: actorStyleList.map((style) => style.colour) },
    symbol: { domain: actors, range: actorStyleList.map((style) => style.symbol) },
    r: { domain: [0, 1], range: [2, 14] },
    marks: [
      Plot.gridX(xAxis.scale.ticks as number[], { stroke: '#000', strokeOpacity: 0.1 }),
      Plot.gridY(yAxis.scale.ticks as number[], { stroke: '#000', strokeOpacity: 0.1 }),
      ...xAxis.marks,
      ...yAxis.marks,
      Plot.line(paths, { x: 'x', y: 'y', z: 'id', stroke: 'id', strokeOpacity: 0.55, strokeWidth: 1.5, markerEnd: 'arrow', sort: 'turn' }),
      Plot.dot(starts, { x: 'x', y: 'y', stroke: 'id', r: 3.5, fill: 'white' }),
      Plot.dot(now, {
        x: 'x',
        y: 'y',
        fill: 'id',
        ...(manyActors && { symbol: 'id' }),
        r: 'probability',
        stroke: 'white',
        title: (row: (typeof now)[number]) => `${row.actor} after turn ${row.turn}: (${row.x.toFixed(1)}, ${row.y.toFixed(1)}), P(this position is the outcome) = ${row.probability.toFixed(3)}`,
      }),
      // Names at the starts, where actors are apart; later they often share one position.
      // Each name to the right of its dot, or to the left where it would run off the chart.
      Plot.text(startsRight, { x: 'x', y: 'y', text: 'actor', dx: 8, textAnchor: 'start', stroke: 'white', strokeWidth: 3, fill: '#333' }),
      Plot.text(startsLeft, { x: 'x', y: 'y', text: 'actor', dx: -8, textAnchor: 'end', stroke: 'white', strokeWidth: 3, fill: '#333' }),
      Plot.line(outcomePath.slice(0, turn + 1), { x: 'x', y: 'y', stroke: 'black', strokeWidth: 2.5, strokeDasharray: '5,3' }),
      Plot.dot([here], { x: 'x', y: 'y', symbol: 'diamond', r: 7, fill: 'black', stroke: 'white' }),
      Plot.text([here], { x: 'x', y: 'y', text: () => 'weighted outcome', dy: 16, fontWeight: 'bold', stroke: 'white', strokeWidth: 3, fill: 'black' }),
    ],
  }) as SVGSVGElement;
  legend.draw(chart, 10, yAxis.marginTop + frameHeight + xAxis.margin + legendGap);
  chart.setAttribute('aria-label', `SMP positions on ${xIssue.name ?? xIssue.id} and ${yIssue.name ?? yIssue.id}, turn ${turn}`);

  const picker = (label: string, id: string, value: string, set: (value: string) => void) =>
    issueSelect(label, id, space.issues, value, (issueId) => {
      set(issueId);
      changed();
    });
  const turnPicker = stepSlider('Turn', 'smp-turn', { min: 0, max: lastTurn, value: turn }, (value) => {
    choice.turn = value;
    changed();
  });
  const shown = (issue: Issue, value: number) => `${issue.name ?? issue.id} ${value.toFixed(2)}`;
  const final = spaceIssues.map((issue) => issue.mostProbable);
  const mode = final[xIndex] && final[yIndex] ? ` Most probable final position: (${final[xIndex].position.toFixed(2)}, ${final[yIndex].position.toFixed(2)}), P = ${final[xIndex].probability.toFixed(3)}, held by ${final[xIndex].actors.map((actor) => names[actor] ?? actor).join(', ')}.` : '';
  const outcomeNote = h(
    'p',
    { class: 'explanation', id: 'smp-outcome' },
    `After turn ${turn}: probability-weighted outcome ${shown(xIssue, here.x)}, ${shown(yIssue, here.y)}.${turn === lastTurn ? mode : ''}`,
  );
  const rows = [
    ...paths.map((row) => ({ turn: row.turn, series: row.actor, [xId]: row.x, [yId]: row.y, probability: row.probability })),
    ...outcomePath.map((row) => ({ turn: row.turn, series: 'weighted outcome', [xId]: row.x, [yId]: row.y, probability: undefined })),
  ];
  return chartCard({
    id: 'smp-plane',
    title: `SMP turn by turn on two issues — space ${space.id}`,
    chart,
    rows,
    fileName: `smp-${space.id}-${xId}-${yId}`,
    meta: { scenario: scenario.title, asOf: scenario.asOf, issue: `${xIssue.name ?? xIssue.id} (across), ${yIssue.name ?? yIssue.id} (up)`, model: 'SMP', round: `turn ${turn} of ${lastTurn}` },
    note: 'Lines: each actor’s position turn by turn (open dot: its start; arrow: where it went). Dots at the chosen turn are sized by the probability that the actor’s position is the outcome. Black dashes: the probability-weighted outcome turn by turn.',
    extra: [
      h(
        'div',
        { class: 'run-actions' },
        picker('Across ', 'smp-x', xId, (value) => {
          choice.x = value;
          if (choice.y === value) choice.y = xId;
        }),
        picker('Up ', 'smp-y', yId, (value) => {
          choice.y = value;
          if (choice.x === value) choice.x = yId;
        }),
        turnPicker,
      ),
      outcomeNote,
    ],
  });
}
