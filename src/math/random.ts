/**
 * Parley's one seeded random generator. Every random draw in Parley goes through a `Random` made here
 * from an explicit seed, so every random process is reproducible (DESIGN.md, Conventions).
 *
 * The generator is SplitMix32-seeded xoshiro128**: fast, 2¹²⁸ − 1 period, and good enough for Monte
 * Carlo (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2021).
 */
export interface Random {
  /** A uniform float in [0, 1). */
  next(): number;
  /** A uniform float in [min, max). */
  uniform(min: number, max: number): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
}

/** SplitMix32 step: scrambles a 32-bit state into a well-mixed output (Steele, Lea & Flood 2014). */
function splitMix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/**
 * Derives an independent 32-bit seed from a master seed and a stream index (e.g. a run number), so
 * run k of a sweep gets the same numbers whatever the number of workers or shards.
 */
export function deriveSeed(masterSeed: number, streamIndex: number): number {
  let [state, output] = splitMix32(masterSeed | 0);
  [state, output] = splitMix32((state ^ Math.imul(streamIndex | 0, 0x27d4eb2d)) | 0);
  [, output] = splitMix32((state ^ output) | 0);
  return output;
}

export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  let state = Math.trunc(seed) | 0;
  const words: number[] = [];
  for (let k = 0; k < 4; k++) {
    const [next, output] = splitMix32(state);
    state = next;
    words.push(output);
  }
  let [a, b, c, d] = words as [number, number, number, number];
  if ((a | b | c | d) === 0) a = 1;
  let spareNormal: number | undefined;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => nextUint32() / 4294967296;

  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spareNormal !== undefined) {
        const value = spareNormal;
        spareNormal = undefined;
        return value;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
