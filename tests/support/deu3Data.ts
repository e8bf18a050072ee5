/** Loads the shipped DEU III copy (data/deu3/) for the backtest tests, from src/ or dist/. */
import { readFileSync } from 'node:fs';
import { fromRepo } from './paths.js';
import { deuFileNames, parseDeuDataset, type DeuDataset, type DeuFiles } from '../../src/analysis/backtest/deu3.js';

export function shippedDeuFiles(): DeuFiles {
  const read = (key: keyof typeof deuFileNames) => ({ name: deuFileNames[key], text: readFileSync(fromRepo('data', 'deu3', deuFileNames[key]), 'utf8') });
  return { issues: read('issues'), positions: read('positions'), councilWeights: read('councilWeights'), populations: read('populations') };
}

export function shippedDeuDataset(): DeuDataset {
  return parseDeuDataset(shippedDeuFiles());
}
