/**
 * `parley draft` speed: drafting a 1,500-word text (the origin article's first 1,500 words) after
 * start-up (modules loaded), median of 5 runs, beside the start-up itself. Target: < 1 s.
 */
import { readFileSync } from 'node:fs';
import { fromShared } from '../tests/support/paths.js';
import type { BenchSuite } from './suite.js';

export const draftSuite: BenchSuite = {
  name: 'draft',
  async run() {
    const loadStart = performance.now();
    const { draftScenario } = await import('../src/scenario/draft/index.js');
    const startUp = performance.now() - loadStart;
    const article = readFileSync(fromShared('seed', 'backchannel-article.txt'), 'utf8');
    const words = [...article.matchAll(/\S+/gu)];
    const text = article.slice(0, (words[1499]?.index ?? article.length) + (words[1499]?.[0].length ?? 0));
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      draftScenario(text);
      times.push(performance.now() - start);
    }
    const median = times.sort((a, b) => a - b)[2]!;
    return {
      title: 'parley draft',
      columns: ['what', 'measured', 'target'],
      rows: [
        [`draft a ${Math.min(1500, words.length)}-word text after start-up (median of 5)`, `${(median / 1000).toFixed(3)} s (${(1000 / median).toFixed(1)}× under the target)`, '< 1 s'],
        ['start-up: loading the drafting modules (lexicon libraries, country data)', `${(startUp / 1000).toFixed(3)} s`, '—'],
      ],
    };
  },
};
