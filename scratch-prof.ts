import { performance } from 'node:perf_hooks';
import { eumModel } from './src/models/eum/eum.js';
import { randomScenario } from './bench/randomScenario.js';
const s = randomScenario(1000, 5);
const preset = process.argv[2] ?? 'default';
const o = eumModel.optionsSchema.parse({ ...eumModel.presets[preset]!.options, rounds: 2 });
eumModel.run(randomScenario(200, 1), o);
const t = performance.now(); eumModel.run(s, o); console.log(preset, (performance.now() - t) / 2, 'ms/round');
