import { reflectScenario, runEum } from './src/models/eum/testing.js';
const scenario = JSON.parse(process.argv[2]!);
const pivot = (id: string) => { const s = scenario.issues.find((i: {id: string}) => i.id === id).scale; return s.min + s.max; };
const a = runEum(scenario, 'default', { rounds: 6 });
const b = runEum(reflectScenario(scenario, pivot), 'default', { rounds: 6 });
a.issues.forEach((issue, k) => issue.rounds.forEach((r, t) => {
  const m = b.issues[k]!.rounds[t]!;
  const P = pivot(issue.issue);
  const diffs = Object.entries(r.positions).filter(([id, x]) => Math.abs(P - m.positions[id]! - x) > 1e-12).map(([id, x]) => `${id}:${x} vs ${P - m.positions[id]!}`);
  if (diffs.length || Math.abs(P - m.median - r.median) > 1e-12 || Math.abs(P-m.mean-r.mean)>1e-9) console.log(issue.issue, t, r.median, P - m.median, r.mean, P-m.mean, diffs.join(' '), JSON.stringify(r.moves), JSON.stringify(m.moves));
}));
