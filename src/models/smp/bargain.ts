/**
 * The compromise point of a bargain between initiator i and receiver j (KTAB
 * `SMPActor::interpolateBrgn`; ktab-smp.md "Bargain proposal"). Per dimension k:
 * - S1P1 / S2P2: the average of x_ik and x_jk weighted by s_ik^a·P_i^a and s_jk^a·P_j^a (a = 1 or 2),
 *   with a 1e-6 tilt toward each actor's own position in its own point (so 0/0 cannot happen), rounded
 *   to 4 decimals on the [0, 1] scale;
 * - S2PMax: each side moves toward the other by the weight of its disadvantage max(0, P_other − P_own).
 */
import type { InterVecBargain } from './options.js';

export interface BargainPoints {
  /** The position proposed to the initiator (m coordinates in [0, 1]). */
  initiator: Float64Array;
  /** The position proposed to the receiver. */
  receiver: Float64Array;
}

const minWeight = 1e-6;

/** Rounds to 4 decimals as KTAB does: truncate(0.5 + 10⁴x) / 10⁴. */
function round4(x: number): number {
  return Math.trunc(0.5 + x * 10000.0) / 10000.0;
}

export function interpolateBargain(
  rule: InterVecBargain,
  positions: Float64Array,
  salience: Float64Array,
  dimensions: number,
  initiator: number,
  receiver: number,
  probabilityInitiator: number,
  probabilityReceiver: number,
): BargainPoints {
  const forInitiator = new Float64Array(dimensions);
  const forReceiver = new Float64Array(dimensions);
  for (let k = 0; k < dimensions; k++) {
    const ti = positions[initiator * dimensions + k]!;
    const si = salience[initiator * dimensions + k]!;
    const tj = positions[receiver * dimensions + k]!;
    const sj = salience[receiver * dimensions + k]!;
    if (rule === 'S2PMax') {
      const di = probabilityReceiver > probabilityInitiator ? probabilityReceiver - probabilityInitiator : 0;
      const dj = probabilityInitiator > probabilityReceiver ? probabilityInitiator - probabilityReceiver : 0;
      const si2 = si * si;
      const sj2 = sj * sj;
      const shareI = (di * sj2) / (di * sj2 + minWeight + (1 - di) * si2);
      const shareJ = (dj * si2) / (dj * si2 + minWeight + (1 - dj) * sj2);
      forInitiator[k] = ti + shareI * (tj - ti);
      forReceiver[k] = tj + shareJ * (ti - tj);
      continue;
    }
    const squared = rule === 'S2P2';
    const wi = squared ? si * si * (probabilityInitiator * probabilityInitiator) : si * probabilityInitiator;
    const wj = squared ? sj * sj * (probabilityReceiver * probabilityReceiver) : sj * probabilityReceiver;
    forInitiator[k] = round4(((wi + minWeight) * ti + wj * tj) / (wi + minWeight + wj));
    forReceiver[k] = round4((wi * ti + (minWeight + wj) * tj) / (wi + minWeight + wj));
  }
  return { initiator: forInitiator, receiver: forReceiver };
}
