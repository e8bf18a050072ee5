/**
 * The commands whose output must stay byte-identical for every scenario without the channel fields
 * (channels-spec.md §1, the default rule; RED-1…RED-3 at the command level). `record.ts` wrote the
 * expected outputs with the build before the channel machinery existed; `golden.test.ts` replays them.
 * A change meant to alter these outputs re-records them (`node --import tsx tests/golden/record.ts`)
 * and says so in its commit.
 */
export interface GoldenCase {
  name: string;
  argv: string[];
}

const files = [
  'examples/backchannel-2024.yaml',
  '../shared/vectors/eum/emission_standards_bdm1994.csv',
  '../shared/vectors/eum/sultan_bdm1997.csv',
  '../shared/vectors/eum/iran_election_2013.csv',
];
const presets = ['default', 'scholz2011-code', 'scholz2011-paper'];

function casesFor(file: string, index: number): GoldenCase[] {
  const tag = `f${index}`;
  const list: GoldenCase[] = [
    { name: `${tag}-validate`, argv: ['validate', file] },
    { name: `${tag}-forecast-table`, argv: ['forecast', file] },
    { name: `${tag}-forecast-json`, argv: ['forecast', file, '--json'] },
    { name: `${tag}-forecast-csv`, argv: ['forecast', file, '--csv'] },
  ];
  for (const preset of presets) {
    list.push({ name: `${tag}-eum-${preset}-dyads`, argv: ['forecast', file, '--model', 'eum', '--preset', preset, '--dyads', '--json'] });
    list.push({ name: `${tag}-eum-${preset}-table`, argv: ['forecast', file, '--model', 'eum', '--preset', preset, '--rounds', '6'] });
  }
  list.push({ name: `${tag}-nash-json`, argv: ['forecast', file, '--model', 'nash', '--json'] });
  list.push({ name: `${tag}-sweep`, argv: ['sweep', file, '--runs', '40', '--seed', '3', '--workers', '1', '--json'] });
  return list;
}

export const goldenCases: GoldenCase[] = [
  ...files.flatMap(casesFor),
  ...['russia', 'us', 'ukraine'].flatMap((actor) => [
    { name: `explain-${actor}`, argv: ['explain', files[0]!, '--actor', actor] },
    { name: `explain-${actor}-json`, argv: ['explain', files[0]!, '--actor', actor, '--json', '--round', '2'] },
  ]),
];
