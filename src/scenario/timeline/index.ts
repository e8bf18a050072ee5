/**
 * Dates → rounds, branches → leaves, per-round inputs and trust (channels-spec.md §4–§6): one pure
 * module shared by every model and the deal analysis.
 */
export * from './calendar.js';
export * from './leaves.js';
export * from './world.js';
export * from './trust.js';
