// Programmatic entry (dist/api.js): the same functions the CLI and the server use.
export { lintText, applyEdits, mightBeRecurrent, type Reparse } from './lint';
export { ReparseCache } from './analysis/parse';
export { findCells } from './analysis/cells';
export { rules } from '../../rules/index';
export type * from './report';
export type { CellSummary, StateSummary, StepKind } from './analysis/cell-summary';
