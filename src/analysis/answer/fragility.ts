/**
 * Fragility: is a forecast one of several outcomes the estimates cannot tell apart?
 *
 * The test counts the prominent modes of the sweep's outcome distribution with a Gaussian kernel
 * density estimate (KDE) on a 512-point grid over the scale:
 *   f̂(x) = (1 / n h) Σ_k φ((x − x_k) / h)                                  (Silverman 1986, eq. 2.2a)
 *   h = 0.9 · min(σ̂, IQR / 1.34) · n^(−1/5), floored at 1 % of the scale  (Silverman 1986, eq. 3.31)
 * (σ̂ alone when the IQR is 0). Every local maximum of f̂ is a candidate mode; two neighbouring modes
 * are one when the density at the lowest point between them is more than half the lower peak
 * (no real dip), and a mode holding less than 10 % of the runs (its basin between the neighbouring
 * antimodes) joins the neighbour across the higher valley. What is left are the prominent modes.
 *
 * A distribution is **multimodal** when two or more prominent modes remain; a point forecast sits in
 * a **minority mode** when its basin holds fewer runs than the largest mode's.
 */
import { meanAndVariance, quantileOfSorted } from '../sweep/statistics.js';

export const kdeGridPoints = 512;
/** A valley above this share of the lower peak is no dip: the two peaks are one mode. */
export const dipRatio = 0.5;
/** A mode must hold at least this share of the runs. */
export const minimumModeMass = 0.1;

export interface Mode {
  /** Where the density peaks. */
  at: number;
  /** The share of runs in the mode's basin. */
  mass: number;
  /** The basin [low, high) on the scale. */
  low: number;
  high: number;
}

export interface ModeAnalysis {
  modes: Mode[];
  bandwidth: number;
}

/** The prominent modes of a sample on [min, max], largest mass first. */
export function prominentModes(sample: ArrayLike<number>, min: number, max: number): ModeAnalysis {
  const width = max - min;
  const n = sample.length;
  const sorted = Float64Array.from(sample).sort();
  const { variance } = meanAndVariance(sorted);
  const iqr = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
  const spread = iqr > 0 ? Math.min(Math.sqrt(variance), iqr / 1.34) : Math.sqrt(variance);
  const bandwidth = Math.max(0.01 * width, 0.9 * spread * n ** -0.2);
  const step = width / (kdeGridPoints - 1);
  const density = kde(sorted, min, step, bandwidth);
  let basins = candidateBasins(density);
  basins = mergeWhile(basins, density, (left, right, valley) => valley > dipRatio * Math.min(density[left.peak]!, density[right.peak]!));
  // Masses from the sample itself (counts in each basin), so they add up to 1 exactly.
  const massOf = (basin: Basin): number => countBetween(sorted, min + (basin.from - 0.5) * step, min + (basin.to + 0.5) * step, basin.from === 0, basin.to === density.length - 1) / n;
  basins = mergeSmall(basins, density, massOf);
  const modes = basins.map((basin) => ({ at: min + basin.peak * step, mass: massOf(basin), low: min + Math.max(0, basin.from - 0.5) * step, high: min + Math.min(density.length - 1, basin.to + 0.5) * step }));
  return { modes: modes.sort((a, b) => b.mass - a.mass || a.at - b.at), bandwidth };
}

/** f̂ on the grid x_g = min + g·step, kernels cut at 5h (their tails add < 3e-7). */
function kde(sorted: Float64Array, min: number, step: number, h: number): Float64Array {
  const density = new Float64Array(kdeGridPoints);
  const reach = 5 * h;
  let first = 0;
  for (let g = 0; g < kdeGridPoints; g++) {
    const x = min + g * step;
    while (first < sorted.length && sorted[first]! < x - reach) first++;
    let sum = 0;
    for (let k = first; k < sorted.length && sorted[k]! <= x + reach; k++) {
      const z = (x - sorted[k]!) / h;
      sum += Math.exp(-0.5 * z * z);
    }
    density[g] = sum / (sorted.length * h * Math.sqrt(2 * Math.PI));
  }
  return density;
}

/** A mode's basin on the grid: from, to (inclusive) and its peak. */
interface Basin {
  from: number;
  to: number;
  peak: number;
}

/** One basin per local maximum (plateaus count once), split at the lowest point between peaks. */
function candidateBasins(density: Float64Array): Basin[] {
  const peaks: number[] = [];
  for (let g = 0; g < density.length; g++) {
    const left = g === 0 ? -Infinity : density[g - 1]!;
    let end = g;
    while (end + 1 < density.length && density[end + 1] === density[g]) end++;
    const right = end === density.length - 1 ? -Infinity : density[end + 1]!;
    if (density[g]! > left && density[g]! > right && density[g]! > 0) peaks.push(Math.floor((g + end) / 2));
    g = end;
  }
  if (peaks.length === 0) return [{ from: 0, to: density.length - 1, peak: 0 }];
  const basins: Basin[] = [];
  let from = 0;
  peaks.forEach((peak, index) => {
    const next = peaks[index + 1];
    const to = next === undefined ? density.length - 1 : lowestBetween(density, peak, next) - 1;
    basins.push({ from, to, peak });
    from = to + 1;
  });
  return basins;
}

function lowestBetween(density: Float64Array, from: number, to: number): number {
  let lowest = from;
  for (let g = from; g <= to; g++) if (density[g]! < density[lowest]!) lowest = g;
  return lowest;
}

function join(left: Basin, right: Basin, density: Float64Array): Basin {
  return { from: left.from, to: right.to, peak: density[left.peak]! >= density[right.peak]! ? left.peak : right.peak };
}

/** Joins neighbouring basins while `shouldJoin` holds for some pair (the highest valley first). */
function mergeWhile(basins: Basin[], density: Float64Array, shouldJoin: (left: Basin, right: Basin, valley: number) => boolean): Basin[] {
  const list = [...basins];
  for (;;) {
    let best = -1;
    for (let i = 0; i + 1 < list.length; i++) {
      const valley = density[list[i]!.to]!;
      if (shouldJoin(list[i]!, list[i + 1]!, valley) && (best < 0 || valley > density[list[best]!.to]!)) best = i;
    }
    if (best < 0) return list;
    list.splice(best, 2, join(list[best]!, list[best + 1]!, density));
  }
}

/** Joins every basin with too little mass to its neighbour across the higher valley, smallest first. */
function mergeSmall(basins: Basin[], density: Float64Array, massOf: (basin: Basin) => number): Basin[] {
  const list = [...basins];
  while (list.length > 1) {
    let smallest = 0;
    for (let i = 1; i < list.length; i++) if (massOf(list[i]!) < massOf(list[smallest]!)) smallest = i;
    if (massOf(list[smallest]!) >= minimumModeMass) break;
    const leftValley = smallest > 0 ? density[list[smallest - 1]!.to]! : -Infinity;
    const rightValley = smallest + 1 < list.length ? density[list[smallest]!.to]! : -Infinity;
    const partner = leftValley >= rightValley ? smallest - 1 : smallest + 1;
    const [a, b] = partner < smallest ? [partner, smallest] : [smallest, partner];
    list.splice(a, 2, join(list[a]!, list[b]!, density));
  }
  return list;
}

/** How many sorted values lie in [low, high) (the first basin also takes everything below, the last everything above). */
function countBetween(sorted: Float64Array, low: number, high: number, openLow: boolean, openHigh: boolean): number {
  let count = 0;
  for (const value of sorted) if ((openLow || value >= low) && (openHigh || value < high)) count++;
  return count;
}

/** The mode whose basin holds `value` (the nearest mode when none does). */
export function modeHolding(modes: readonly Mode[], value: number): Mode | undefined {
  return modes.find((mode) => value >= mode.low && value < mode.high) ?? [...modes].sort((a, b) => Math.abs(a.at - value) - Math.abs(b.at - value))[0];
}

export interface Fragility {
  multimodal: boolean;
  /** The point forecast's basin holds fewer runs than the largest mode. */
  pointInMinorityMode: boolean;
  modes: Mode[];
  bandwidth: number;
}

/** The fragility test of one model's point forecast against its own sweep (see the file comment). */
export function testFragility(sample: ArrayLike<number>, point: number, scale: { min: number; max: number }): Fragility {
  const { modes, bandwidth } = prominentModes(sample, scale.min, scale.max);
  const holding = modeHolding(modes, point);
  const pointInMinorityMode = modes.length > 1 && holding !== undefined && holding.mass < modes[0]!.mass;
  return { multimodal: modes.length > 1, pointInMinorityMode, modes, bandwidth };
}
