/** Drafting a scenario from a text (docs/drafting.md). */
export { draftScenario, type Draft, type DraftOptions } from './draft.js';
export { draftToJson } from './jsonDraft.js';
export { draftToYaml } from './yamlDraft.js';
export { maxTextLength } from './text.js';
export { splitSentences, type Sentence } from './sentences.js';
export { proposalEvidence, type Proposal, type NeedsEstimate } from './proposals.js';
