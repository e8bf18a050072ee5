/**
 * The adjusted move of one offer (channels-spec.md §7.3, E0–E5): the octant, a and b are read as today;
 * only the length of the move an offer asks for is shortened, by trust, the audience cost (times the
 * leak probability in a private channel) and the red line. The minimiser of
 * ½(m − φm⁰)² + eα·m + eκ·max(0, m − g) over m ≥ 0 (§2.3).
 */

/** The parts of a shortfall, on the scale (they sum to |y⁰ − x_i| − |y − x_i|), E5. */
export interface Shortfall {
  trust: number;
  audience: number;
  redLine: number;
}

export interface MoveInputs {
  /** m⁰ = |y⁰ − x_i| / W (E0). */
  baseMove: number;
  /** φ: τ_ij for a compromise or in a private channel, else 1 (E1). */
  phi: number;
  /** e: 1 in public, λ_ij in private (E2). */
  exposure: number;
  /** α_i. */
  audienceCost: number;
  /** κ_i (0 without a red line). */
  redLineCost: number;
  /** g_i: the red-line gap toward j as a fraction of W, +∞ when none is in the way (E3). */
  gap: number;
}

/** (E4) m* = max(0, min(φm⁰ − eα, max(g, φm⁰ − eα − eκ))). */
export function adjustedMove(inputs: MoveInputs): number {
  const pressed = inputs.phi * inputs.baseMove - inputs.exposure * inputs.audienceCost;
  return Math.max(0, Math.min(pressed, Math.max(inputs.gap, pressed - inputs.exposure * inputs.redLineCost)));
}

/** (E5) trust (1 − φ)m⁰W; audience (φm⁰ − max(0, φm⁰ − eα))W; red line (max(0, φm⁰ − eα) − m*)W. */
export function shortfallOf(inputs: MoveInputs, move: number, width: number): Shortfall {
  const trusted = inputs.phi * inputs.baseMove;
  const afterAudience = Math.max(0, trusted - inputs.exposure * inputs.audienceCost);
  return { trust: (inputs.baseMove - trusted) * width, audience: (trusted - afterAudience) * width, redLine: (afterAudience - move) * width };
}

/** (E3) g_i for a move from x_i toward x_j with a red line (kind, bound), as a fraction of W. */
export function redLineGap(kind: 'atLeast' | 'atMost' | undefined, bound: number, xi: number, xj: number, width: number): number {
  if (kind === 'atLeast' && xj < xi) return Math.max(0, xi - bound) / width;
  if (kind === 'atMost' && xj > xi) return Math.max(0, bound - xi) / width;
  return Infinity;
}
