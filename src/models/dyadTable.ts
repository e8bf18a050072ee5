/**
 * The kept dyads of one round, by column (issue 16 item 2): one typed array per field instead of one
 * object per dyad, 42 bytes a dyad (two Int32 actor indices, four Float64 values, two Uint8 codes) plus,
 * with channels, a Uint8 channel code, a Float64 base offer and an object for each adjusted offer only.
 *
 * A `Dyad` object is built only where a consumer asks for one (`dyadAt`, `dyadList`, `dyadsInvolving`);
 * `toJSON` gives the `Dyad[]` that `JSON.stringify` has always written, so every JSON output is the same
 * text, and the CLI's streamed JSON writes the columns without building the objects at all.
 *
 * The accessors are functions of the columns, not methods, so that a table copied by structured clone
 * (a Web Worker's message: same fields, no prototype) reads the same.
 */
import type { ChannelTerms, Dyad, Perception, Shortfall } from './model.js';

/** The perceptions by code (the `perception` column). */
export const perceptionCodes: readonly Perception[] = [
  'conflict-won',
  'conflict-lost',
  'compromise',
  'capitulation',
  'compromise-won',
  'capitulation-won',
  'stalemate',
  'same-position',
];

/** A perception's code in `perceptionCodes`. */
export function perceptionCode(perception: Perception): number {
  switch (perception) {
    case 'conflict-won':
      return 0;
    case 'conflict-lost':
      return 1;
    case 'compromise':
      return 2;
    case 'capitulation':
      return 3;
    case 'compromise-won':
      return 4;
    case 'capitulation-won':
      return 5;
    case 'stalemate':
      return 6;
    case 'same-position':
      return 7;
  }
}

/** The `channel` column's codes: 0 = the dyad has no channel field (no channels in the run). */
export const channelCodes = [undefined, 'public', 'private'] as const;

/** What an adjusted offer adds (channels-spec §7.4): the receiver's start-of-round position, the shortfall and the settings behind it. */
export interface DyadAdjustment {
  from: number;
  shortfall: Shortfall;
  terms: ChannelTerms;
}

/** The columns of a round's dyads; row k is one ordered dyad (receiver `actor[k]`, other `other[k]`). */
export interface DyadColumns {
  /** Actor ids by index (shared by every round of an issue). */
  readonly ids: readonly string[];
  readonly actor: Int32Array;
  readonly other: Int32Array;
  readonly probability: Float64Array;
  readonly expectedUtility: Float64Array;
  readonly otherExpectedUtility: Float64Array;
  /** Codes into `perceptionCodes`. */
  readonly perception: Uint8Array;
  /** The offer position, NaN when the dyad offers none. */
  readonly offer: Float64Array;
  /** 1 when the receiver took this dyad's offer. */
  readonly taken: Uint8Array;
  /** With channels: codes into `channelCodes`, today's offer before the adjustment (NaN: none), and the adjusted offers by row. */
  readonly channel?: Uint8Array;
  readonly baseOffer?: Float64Array;
  readonly adjusted?: ReadonlyMap<number, DyadAdjustment>;
}

/** A round's dyads: the columns, written to JSON as the `Dyad[]` they stand for. */
export class DyadTable implements DyadColumns {
  readonly actor: Int32Array;
  readonly other: Int32Array;
  readonly probability: Float64Array;
  readonly expectedUtility: Float64Array;
  readonly otherExpectedUtility: Float64Array;
  readonly perception: Uint8Array;
  readonly offer: Float64Array;
  readonly taken: Uint8Array;
  readonly channel?: Uint8Array;
  readonly baseOffer?: Float64Array;
  readonly adjusted?: Map<number, DyadAdjustment>;

  /** Empty columns for `length` dyads (with channels: the channel columns too), to be filled row by row. */
  constructor(
    readonly ids: readonly string[],
    length: number,
    withChannels: boolean,
  ) {
    this.actor = new Int32Array(length);
    this.other = new Int32Array(length);
    this.probability = new Float64Array(length);
    this.expectedUtility = new Float64Array(length);
    this.otherExpectedUtility = new Float64Array(length);
    this.perception = new Uint8Array(length);
    this.offer = new Float64Array(length);
    this.taken = new Uint8Array(length);
    if (withChannels) {
      this.channel = new Uint8Array(length);
      this.baseOffer = new Float64Array(length);
      this.adjusted = new Map();
    }
  }

  /** The table of these dyads (e.g. read back from JSON); `ids` must hold every actor they name. */
  static of(ids: readonly string[], dyads: readonly Dyad[]): DyadTable {
    const index = new Map(ids.map((id, position) => [id, position]));
    const withChannels = dyads.some((dyad) => dyad.channel !== undefined);
    const table = new DyadTable(ids, dyads.length, withChannels);
    dyads.forEach((dyad, k) => {
      table.actor[k] = index.get(dyad.actor)!;
      table.other[k] = index.get(dyad.other)!;
      table.probability[k] = dyad.probability;
      table.expectedUtility[k] = dyad.expectedUtility;
      table.otherExpectedUtility[k] = dyad.otherExpectedUtility;
      table.perception[k] = perceptionCode(dyad.perception);
      table.offer[k] = dyad.offer ?? Number.NaN;
      table.taken[k] = dyad.taken ? 1 : 0;
      if (withChannels) {
        table.channel![k] = dyad.channel === 'public' ? 1 : dyad.channel === 'private' ? 2 : 0;
        table.baseOffer![k] = dyad.baseOffer ?? Number.NaN;
        if (dyad.from !== undefined && dyad.shortfall && dyad.terms) table.adjusted!.set(k, { from: dyad.from, shortfall: dyad.shortfall, terms: dyad.terms });
      }
    });
    return table;
  }

  get length(): number {
    return this.actor.length;
  }

  /** What JSON.stringify writes: the dyads as objects, in row order. */
  toJSON(): Dyad[] {
    return dyadList(this);
  }
}

/** How many dyads the columns hold. */
export function dyadCount(table: DyadColumns): number {
  return table.actor.length;
}

/** Row k as a Dyad, its fields in the order the JSON has always had them. */
export function dyadAt(table: DyadColumns, k: number): Dyad {
  const offer = table.offer[k]!;
  const hasOffer = !Number.isNaN(offer);
  const dyad: Dyad = {
    actor: table.ids[table.actor[k]!]!,
    other: table.ids[table.other[k]!]!,
    probability: table.probability[k]!,
    expectedUtility: table.expectedUtility[k]!,
    otherExpectedUtility: table.otherExpectedUtility[k]!,
    perception: perceptionCodes[table.perception[k]!]!,
    ...(hasOffer ? { offer } : {}),
    taken: table.taken[k] === 1,
  };
  const channel = table.channel === undefined ? undefined : channelCodes[table.channel[k]!];
  if (channel !== undefined) {
    dyad.channel = channel;
    if (hasOffer) dyad.baseOffer = table.baseOffer![k]!;
  }
  const adjustment = table.adjusted?.get(k);
  if (adjustment) Object.assign(dyad, adjustment);
  return dyad;
}

/** Every dyad as an object (for small tables: the workbench's matrix, tests). */
export function dyadList(table: DyadColumns): Dyad[] {
  const dyads: Dyad[] = [];
  for (let k = 0; k < table.actor.length; k++) dyads.push(dyadAt(table, k));
  return dyads;
}

/** The dyads `actor` reads or is read by, as objects, in row order (what one actor's explanation needs). */
export function dyadsInvolving(table: DyadColumns, actor: string): Dyad[] {
  const index = table.ids.indexOf(actor);
  const dyads: Dyad[] = [];
  if (index < 0) return dyads;
  for (let k = 0; k < table.actor.length; k++) if (table.actor[k] === index || table.other[k] === index) dyads.push(dyadAt(table, k));
  return dyads;
}

/**
 * A forecast read back from its JSON (a stored run, `forecast --json`), with each round's `Dyad[]` made a
 * DyadTable again, in place (the actors' ids are the round's `positions` keys); or copied by structured
 * clone (a Web Worker's message), with each table's prototype restored.
 */
export function reviveDyads<F extends { issues: { rounds: unknown[]; leaves?: { rounds: unknown[] }[] }[] }>(forecast: F): F {
  const revive = (round: unknown): void => {
    const value = round as { positions?: Record<string, number>; dyads?: unknown };
    if (Array.isArray(value.dyads)) value.dyads = DyadTable.of(Object.keys(value.positions ?? {}), value.dyads as Dyad[]);
    else if (value.dyads !== null && typeof value.dyads === 'object' && !(value.dyads instanceof DyadTable)) Object.setPrototypeOf(value.dyads, DyadTable.prototype);
  };
  for (const issue of forecast.issues) {
    issue.rounds.forEach(revive);
    for (const leaf of issue.leaves ?? []) leaf.rounds.forEach(revive);
  }
  return forecast;
}
