/** The scenario folder's public API: the schema, reading and validating, writing, and model views. */
export * from './schema.js';
export { parseScenario, detectFormat, type ParsedScenario, type ScenarioFormat, type ScenarioSource } from './parse.js';
export { validateScenario, type ValidatedScenario } from './validate.js';
export { serializeScenario } from './write.js';
export { formatFieldPath, type FieldPath, type Locate } from './fieldPath.js';
export { findIssue, participants, votingWeights, type Participant } from './views.js';
export * from './channels/schema.js';
export { hasChannelFields } from './channels/validate.js';
export * as timeline from './timeline/index.js';
