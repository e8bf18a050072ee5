/**
 * Colours. Actors and models have palettes of their own that never share a colour (every actor
 * colour is at least ΔE*ab 25 from every model colour, see palette.test.ts), and each colour is fixed:
 *
 * - a model's colour is looked up by its id (`modelColour`), so EUM is the same purple in every chart
 *   and after a re-run with fewer models;
 * - an actor's colour and dot shape follow its place in the scenario's list of actors (`actorStyle`,
 *   `actorStyles`), so an actor keeps them on every issue, chart and view. The first 8 actors get
 *   the 8 colours with circles; actors 9–16 the colours again with squares, and so on through 7
 *   shapes (56 distinct pairs); the rounds chart also labels each line at its end.
 *
 * The actor palette is Okabe–Ito (Okabe & Ito 2008, "Color Universal Design"; without its yellow, too
 * faint on white, and its black, kept for the median and the mean) with Paul Tol's wine and olive;
 * distinguishable with the common forms of colour blindness. Perceptions pair a hue with a
 * lighter/darker variant for the side that gains, so the dyad matrix also reads in grey scale.
 */
import type { Perception } from '../../src/models/model.js';

/** The actors' colours, in the order of the scenario's actors (then again, with the next shape). */
export const actorPalette: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#882255', '#999933'];

/** The dot shapes (Plot's symbol names) that tell apart actors who share a colour: the k-th round of the palette uses the k-th. */
export const actorSymbols = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'] as const;
export type ActorSymbol = (typeof actorSymbols)[number];

/**
 * Colours with a meaning of their own, for charts that draw no actor: a quantity with no category
 * (`data`), a plan that reaches its goal or not, a point forecast. (They are actor colours; the charts
 * that use them show no actor, so no colour stands for two things in one chart.)
 */
export const markColours = Object.freeze({ data: '#0072B2', reached: '#009E73', unreached: '#E69F00', forecast: '#D55E00' });

/** Each registered model's colour, by model id (the order of src/models/registry.ts). */
export const modelColours: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    mean: '#9C755F',
    'weighted-mean': '#E7298A',
    'weighted-median': '#8C510A',
    nash: '#E41A1C',
    eum: '#6A3D9A',
    smp: '#33A02C',
    'discrete-choice': '#76B7B2',
    exchange: '#E15759',
  }),
);

/** Colours for models not in `modelColours` (a model added later), picked by a hash of the id: still fixed per id. */
const otherModelColours = ['#4D4D4D', '#A6761D', '#7570B3', '#1B7837'];

/** The status quo's rule and label. */
export const statusQuoColour = '#555555';

/** A model's fixed colour, whatever else was run. */
export function modelColour(modelId: string): string {
  const known = modelColours[modelId];
  if (known !== undefined) return known;
  let hash = 0;
  for (const character of modelId) hash = (hash * 31 + character.codePointAt(0)!) >>> 0;
  return otherModelColours[hash % otherModelColours.length]!;
}

export interface ActorStyle {
  colour: string;
  symbol: ActorSymbol;
}

/** The colour and shape of the actor at `index` in the scenario's list of actors. */
export function actorStyle(index: number): ActorStyle {
  const turn = Math.floor(index / actorPalette.length);
  return { colour: actorPalette[index % actorPalette.length]!, symbol: actorSymbols[turn % actorSymbols.length]! };
}

/** The actor's colour alone (see `actorStyle`). */
export function actorColour(index: number): string {
  return actorStyle(index).colour;
}

/**
 * Every actor's style by actor id, from the order of the scenario's actors (pass `scenario.actors`):
 * the same for every issue, chart and view of that scenario.
 */
export function actorStyles(actors: readonly { id: string }[]): Map<string, ActorStyle> {
  return new Map(actors.map((actor, index) => [actor.id, actorStyle(index)]));
}

/** Whether every actor of a scenario this size has a colour and shape of its own. */
export function actorsDistinct(count: number): boolean {
  return count <= actorPalette.length * actorSymbols.length;
}

export const perceptionColours: Record<Perception, string> = {
  'conflict-lost': '#D55E00',
  'conflict-won': '#F4A582',
  compromise: '#0072B2',
  'compromise-won': '#56B4E9',
  capitulation: '#E69F00',
  'capitulation-won': '#F0E442',
  stalemate: '#999999',
  'same-position': '#EEEEEE',
};

export const perceptionLabels: Record<Perception, string> = {
  'conflict-won': 'conflict, won',
  'conflict-lost': 'conflict, lost',
  compromise: 'compromise (gives)',
  'compromise-won': 'compromise (gains)',
  capitulation: 'capitulation (gives)',
  'capitulation-won': 'capitulation (gains)',
  stalemate: 'stalemate',
  'same-position': 'same position',
};
