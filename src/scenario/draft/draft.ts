/**
 * Drafting a scenario from a text, in the pure core: sentences with offsets, actors from the
 * gazetteer, stance cues, agreements, dates, and proposals tied to their quotes (docs/drafting.md).
 */
import type { Issue, Scenario } from '../schema.js';
import { collectActors, tieLeaders, type DraftActor } from './actors.js';
import { findAgreements, type DraftAgreement } from './agreements.js';
import { cueMatchers, sentenceCues, type Cue } from './cues.js';
import { findDates, firstFullDate, type DraftDate } from './dates.js';
import { issueWords } from './direction.js';
import { buildGazetteer } from './gazetteer.js';
import { propose, type NeedsEstimate, type Proposal } from './proposals.js';
import { splitSentences, type Sentence } from './sentences.js';
import { checkText } from './text.js';

export interface DraftOptions {
  /** Where the text came from (named in errors and in the draft). */
  file?: string;
  /** A scenario whose actors (names, ids, aliases), issues and asOf the draft uses. */
  scenario?: Scenario;
  /** Issues to place cues on (instead of the scenario's). */
  issues?: Issue[];
}

export interface Draft {
  file?: string;
  text: string;
  sentences: Sentence[];
  actors: DraftActor[];
  issues: Issue[];
  cues: Cue[];
  agreements: DraftAgreement[];
  dates: DraftDate[];
  proposals: Proposal[];
  needs: NeedsEstimate[];
  salienceScale: 1 | 100;
  scenario?: Scenario;
}

export function draftScenario(text: string, options: DraftOptions = {}): Draft {
  checkText(text, options.file);
  const sentences = splitSentences(text);
  const gazetteer = buildGazetteer(options.scenario);
  tieLeaders(gazetteer, sentences);
  const actors = collectActors(gazetteer, sentences);
  const issues = options.issues ?? options.scenario?.issues ?? [];
  const matchers = cueMatchers();
  const words = issues.map(issueWords);
  const listed = new Set(actors.map((actor) => actor.id));
  const cues = sentences.flatMap((sentence) => sentenceCues(sentence, gazetteer, matchers, words)).filter((cue) => listed.has(cue.actor));
  const salienceScale = options.scenario?.salienceScale ?? 100;
  const { proposals, needs } = propose(actors, issues, cues, salienceScale);
  return {
    ...(options.file === undefined ? {} : { file: options.file }),
    text,
    sentences,
    actors,
    issues,
    cues,
    agreements: findAgreements(sentences),
    dates: findDates(sentences, options.scenario?.asOf ?? firstFullDate(sentences)),
    proposals,
    needs,
    salienceScale,
    ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
  };
}
