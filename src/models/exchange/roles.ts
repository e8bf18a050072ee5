/**
 * Roles in an exchange (exchange-spec.md §2.4, eq. 3): with ρ(a) = s(a,p)/s(a,q), if ρ(a) < ρ(b) then
 * I = b and J = a, otherwise (equality included, E13) I = a and J = b. I supplies q and demands p; J
 * supplies p and demands q: the actor for whom p matters relatively more gets its way on p.
 */
import { tolerance } from './types.js';

/** ρ(a) < ρ(b), comparing s(a,p)·s(b,q) with s(b,p)·s(a,q) (ratios equal within 1e-12 relative are equal, E13). */
export function ratioIsLower(sap: number, saq: number, sbp: number, sbq: number): boolean {
  const ra = sap / saq;
  const rb = sbp / sbq;
  if (Math.abs(ra - rb) <= tolerance.ratio * Math.max(Math.abs(ra), Math.abs(rb))) return false;
  return ra < rb;
}

/** (3) The actor indices [I, J] for a candidate between a and b on (p, q). */
export function assignRoles(a: number, b: number, s: readonly (readonly number[])[], p: number, q: number): [I: number, J: number] {
  return ratioIsLower(s[a]![p]!, s[a]![q]!, s[b]![p]!, s[b]![q]!) ? [b, a] : [a, b];
}
