// The rule registry: one import per rule file. A meta test checks each id has its doc and fixtures.
import type { Rule } from './rule';
import unusedHiddenState from './unused-hidden-state';
import staleState from './stale-state';
import stateLeak from './state-leak';
import stackedActivation from './stacked-activation';
import returnsInputState from './returns-input-state';
import bpttCut from './bptt-cut';
import tidyDisposedState from './tidy-disposed-state';

export const rules: readonly Rule[] = [
  unusedHiddenState,
  staleState,
  stateLeak,
  stackedActivation,
  returnsInputState,
  bpttCut,
  tidyDisposedState,
];

export const ruleById = new Map(rules.map((r) => [r.id, r]));
