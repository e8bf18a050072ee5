import { readFileSync } from 'node:fs';
import { eumModel } from './src/models/eum/eum.js';
import { EumOptionsSchema, eumPresets } from './src/models/eum/options.js';
import type { Scenario } from './src/scenario/schema.js';
const file = process.argv[2] ?? '/work/shared/vectors/eum/emission_standards_bdm1994.csv';
const preset = process.argv[3] ?? 'scholz2011-code';
const extra = JSON.parse(process.argv[4] ?? '{}');
const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const sal = rows.some((r) => Number(r[3]) > 1) ? 100 : 1;
const scenario: Scenario = { title: 't', salienceScale: sal as 1 | 100, issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
  actors: rows.map((r) => ({ id: r[0]!, capability: Number(r[1]), stances: { x: { position: Number(r[2]), salience: Number(r[3]) } } })) };
const options = EumOptionsSchema.parse({ ...eumPresets[preset]!.options, ...extra });
const f = eumModel.run(scenario, options);
for (const r of f.issues[0]!.rounds) console.log(r.round, r.median, r.mean, JSON.stringify(r.moves?.map((m) => [m.actor, m.kind, m.proposer, m.to])));
console.log(JSON.stringify(f.issues[0]!.rounds[1]?.security), JSON.stringify(f.issues[0]!.rounds[1]?.riskExponents));
