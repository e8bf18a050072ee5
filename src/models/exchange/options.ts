/**
 * Options and presets of the exchange model. `decide` is Decide's deterministic mode (exchange-spec.md
 * §5: no coin flip, ties in list order, outcomes on a target snapped to it) with its quirks; `default`
 * departs where Decide's behaviour is a defect (README, "Exchange model").
 */
import { z } from 'zod';
import type { Preset } from '../model.js';

export const ExchangeOptionsSchema = z
  .object({
    /** Rounds to run (spec §2.8: no stopping rule; Decide's default 10). */
    rounds: z.number().int().min(1).max(1000).default(10),
    /** `as-given`: saliences as the scenario holds them, as Decide does (E15); `normalised`: divided by salienceScale. */
    saliences: z.enum(['as-given', 'normalised']).default('normalised'),
    /** Carry-over (18): λ = fixedWeight + salienceWeight·(1 − s). Decide hard-codes 0.4 and 0.1 (E15). */
    salienceWeight: z.number().min(0).max(1).default(0.4),
    fixedWeight: z.number().min(0).max(1).default(0.1),
    /** The random-rate parameter p of §3 (0: plain equal gain). */
    p: z.number().min(0).max(1).default(0),
    /** Seed of the random-rate draws and of the coin-flip tie rule (src/math/random.ts). */
    seed: z.number().int().default(1),
    /** Ties of the selection loop: `list-order` (stable, deterministic) or Decide's `coin-flip` (E1, seeded). */
    tieRule: z.enum(['list-order', 'coin-flip']).default('list-order'),
    /** Zero saliences or powers in an exchange (E14): leave the pair out (`exclude`), or stop where Decide divides by zero (`error`). */
    zeroWeights: z.enum(['error', 'exclude']).default('exclude'),
  })
  .strict()
  .refine((options) => options.salienceWeight + options.fixedWeight <= 1, {
    message: 'salienceWeight + fixedWeight must be at most 1 (λ is a share of the move carried over)',
    path: ['salienceWeight'],
  });

export type ExchangeOptions = z.infer<typeof ExchangeOptionsSchema>;

export const exchangePresets: Record<string, Preset<ExchangeOptions>> = {
  default: {
    description:
      "Parley's choices: saliences normalised to [0, 1] (the carry-over stays a share, E15), zero saliences and powers leave a pair out instead of crashing (E14), ties in list order (documented, not Decide's noise or coin).",
    options: { saliences: 'normalised', zeroWeights: 'exclude', tieRule: 'list-order' },
  },
  decide: {
    description:
      "Decide's deterministic mode (exchange-spec.md §5): carry-over 0.4/0.1, ties in list order, every quirk of its code. Where Decide crashes (E14) the pair is left out with a note; saliences are divided by salienceScale (a 0–100 file would make Decide's carry-over negative, E15; saliences: as-given copies that).",
    options: { saliences: 'normalised', zeroWeights: 'exclude', tieRule: 'list-order', salienceWeight: 0.4, fixedWeight: 0.1, p: 0 },
  },
};
