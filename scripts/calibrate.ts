/**
 * `npm run calibrate`: refits the discrete-choice compromise on the shipped DEU III copy and writes
 * what Parley ships from it — data/calibration/discrete-choice.json (the calibration and its
 * out-of-sample record), data/calibration/record.json (the predictor record the answer reads) and
 * src/models/discreteChoice/calibration.ts (the coefficients the pure model imports). Nothing in them
 * is typed by hand; src/analysis/backtest/discreteChoice/calibration.test.ts checks a refit matches.
 */
import { calibrationOutputs } from '../src/cli/backtest/calibration.js';
import { writeFileAtomic } from '../src/cli/files.js';
import { fromRepo } from '../tests/support/paths.js';

const io = { cwd: fromRepo() };
const { calibration, record } = await calibrationOutputs(io);
await writeFileAtomic(fromRepo('data', 'calibration', 'discrete-choice.json'), `${JSON.stringify(calibration, null, 2)}\n`, io);
await writeFileAtomic(fromRepo('data', 'calibration', 'record.json'), `${JSON.stringify(record, null, 2)}\n`, io);
const module = `/**
 * The discrete-choice compromise's shipped coefficients, written by \`npm run calibrate\` from
 * data/calibration/discrete-choice.json (λ = ${calibration.lambda}; Parley ${calibration.parley}, ${calibration.fitted}),
 * fitted on ${calibration.dataset}.
 * Do not edit: refit instead.
 */
export const shippedCalibration = {
  beta: [${calibration.beta.join(', ')}],
  lambda: ${calibration.lambda},
} as const;
`;
await writeFileAtomic(fromRepo('src', 'models', 'discreteChoice', 'calibration.ts'), module, io);
process.stdout.write(`β = ${calibration.beta.map((b) => b.toFixed(4)).join(', ')}; λ = ${calibration.lambda}; validated predictor: ${record.validated.model}\n`);
