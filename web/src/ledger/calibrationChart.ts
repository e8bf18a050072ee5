/**
 * The ledger's calibration: for each of the ten probability bins with sealed probabilities, the mean
 * forecast probability against how often the events happened (dots sized by their count), over the
 * diagonal a calibrated forecaster follows.
 */
import * as Plot from '@observablehq/plot';
import type { CalibrationBin } from '../../../src/analysis/ledger/score.js';
import type { CsvRow } from '../charts/card.js';
import { markColours } from '../palette.js';

export function calibrationChart(bins: readonly CalibrationBin[], width: number): { chart: SVGSVGElement | HTMLElement; rows: CsvRow[] } {
  const filled = bins.filter((bin) => bin.count > 0).map((bin) => ({ ...bin, meanProbability: bin.meanProbability!, observedFrequency: bin.observedFrequency! }));
  const side = Math.min(width, 360);
  const chart = Plot.plot({
    width: side,
    height: side,
    marginLeft: 48,
    marginBottom: 40,
    x: { domain: [0, 1], label: 'forecast probability (bin mean)', tickFormat: '.0%' },
    y: { domain: [0, 1], label: 'observed frequency', tickFormat: '.0%', grid: true },
    r: { range: [3, 12] },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: '#999', strokeDasharray: '4,3' }),
      Plot.dot(filled, { x: 'meanProbability', y: 'observedFrequency', r: 'count', fill: markColours.data, title: (bin: (typeof filled)[number]) => `${bin.low.toFixed(1)}–${bin.high.toFixed(1)}: ${bin.count} probabilities, mean ${(bin.meanProbability * 100).toFixed(1)} %, happened ${(bin.observedFrequency * 100).toFixed(1)} %` }),
    ],
  });
  chart.setAttribute('aria-label', 'Calibration of the sealed probabilities');
  const rows: CsvRow[] = bins.map((bin) => ({ low: bin.low, high: bin.high, count: bin.count, meanProbability: bin.meanProbability ?? undefined, observedFrequency: bin.observedFrequency ?? undefined }));
  return { chart, rows };
}
