/**
 * Colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with
 * the common forms of colour blindness. Perceptions pair a hue with a lighter/darker variant for the
 * side that gains, so the matrix also reads in grey scale.
 */
import type { Perception } from '../../src/models/model.js';

/**
 * Line and dot colours for actors and models, in order of use: Okabe–Ito without its yellow (too faint
 * on white) and black (kept for the median and mean), then Paul Tol's wine and olive.
 */
export const categorical = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#882255', '#999933', '#999999'];

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
