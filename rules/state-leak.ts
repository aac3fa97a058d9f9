// state-leak: state carried from one sequence into the next without a reset. This file holds the rule's definition
// (meta, every message) and `check`; the checks themselves live in rules/state-leak/:
//   objects.ts          objects whose methods advance their own fields: statefulObjectLeaks, helperObjectLeaks,
//                       shadowedResetLeaks, partialResetListeners, partialResetEffects
//   stateful-layers.ts  stateful tf.layers models run without resetStates(): statefulLayerLeaks, finding the models
//   variables.ts        state variables carried across an outer loop: nestedLoopLeaks, sequenceFunctionLeaks,
//                       variableStateLeaks
//   sequence-methods.ts methods that run a whole sequence from a field or module variable: perSequenceMethodLeaks,
//                       seededRunLeaks, and the reset tests they use
//   units.ts            one state shared by independent units (users, tabs, connections): sharedUnitStateLeaks
//   episode-ends.ts     an episode ended and restarted inside the stepping loop without its state: episodeEndLeaks
//   shared.ts           helpers several parts use: isPure, outerLabel, fieldInitialiser
import { defineRule } from './rule';
import { partialResetListeners, partialResetEffects, statefulObjectLeaks, helperObjectLeaks, shadowedResetLeaks } from './state-leak/objects';
import { statefulLayerLeaks } from './state-leak/stateful-layers';
import { variableStateLeaks, nestedLoopLeaks, sequenceFunctionLeaks } from './state-leak/variables';
import { perSequenceMethodLeaks, seededRunLeaks } from './state-leak/sequence-methods';
import { sharedUnitStateLeaks } from './state-leak/units';
import { episodeEndLeaks } from './state-leak/episode-ends';

export default defineRule({
  id: 'state-leak',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    fix: 'suggestion',
    docs: { description: 'State carried from one sequence into the next without a reset' },
    messages: {
      leak: '`{{name}}` carries over from one sequence to the next: it is initialised once, outside the loop over `{{outer}}`, and never reset. Re-initialise it at the start of each iteration of that loop.',
      statefulLeak: '`{{model}}` has a stateful recurrent layer and runs in a loop over {{what}} without `resetStates()`: each {{unit}} starts from the previous one\'s state. Call `{{model}}.resetStates()` at the start of each {{unit}}.',
      fieldLeak: '`{{name}}` is advanced by `{{method}}` for a whole sequence but never reset first: the next call continues from the previous sequence\'s state. Reset it at the start of `{{method}}`.',
      resetInit: 'Reset `{{name}}` at the start of each sequence',
      resetField: 'Reset `{{name}}` at the start of `{{method}}`',
      storedBack: '`{{method}}` stores the state the run ends with back into `{{name}}` here',
      initialisedField: '`{{name}}` is initialised here, once per object',
      insertReset: 'Call `{{model}}.resetStates()` at the start of each iteration',
      initialised: '`{{name}}` is initialised here, once',
      runsSequence: '`{{fn}}` runs a whole sequence from the state it is given, and returns the state it ends with',
      statefulHelperLeak: '`{{fn}}` runs the stateful `{{model}}` over one whole sequence, and this loop calls it for one sequence after another without `resetStates()`: each sequence starts from the previous one\'s state. Call `{{model}}.resetStates()` at the start of each iteration (or at the start of `{{fn}}`).',
      statefulCallerLeak: '`{{fn}}` runs the stateful `{{model}}` over one whole sequence, and every call of `{{caller}}` runs it on another, from a loop, without `resetStates()`: each sequence starts from the previous one\'s state. Call `{{model}}.resetStates()` at the start of `{{caller}}`.',
      runsHere: '`{{fn}}` runs the model here',
      partialReset: 'The `{{event}}` listener resets `{{written}}` but not `{{missing}}`, which `{{method}}` advances from step to step: each new run continues from the state the last one ended with. Reset `{{missing}}` here too.',
      resetInListener: 'Reset `{{missing}}` in the listener',
      advancedBy: '`{{method}}` advances `{{missing}}` here',
      partialResetEffect: 'This effect runs when `{{event}}` changes and resets `{{written}}`, but not `{{missing}}`, the recurrent state the hook carries from step to step: each new `{{event}}` starts from the state the previous one ended with. Reset `{{missing}}` here too.',
      statefulCallLeak: '`{{fn}}` runs the stateful `{{model}}` over a whole sequence without `resetStates()`, and nothing else resets it: each call continues from the state the previous call left. Call `{{model}}.resetStates()` at the start of `{{fn}}`.',
      resetAtStart: 'Call `{{model}}.resetStates()` at the start of `{{fn}}`',
      statefulHandlerLeak: 'This handler runs the stateful `{{model}}` over one whole sequence per call, and nothing in the file calls `resetStates()`: each request continues from the state the previous one (another user\'s) left. Call `{{model}}.resetStates()` at the start of the handler.',
      resetInHandler: 'Call `{{model}}.resetStates()` at the start of the handler',
      statefulHere: 'the stateful layer is declared here',
      resetOnce: 'states are reset here, but not once per {{unit}}',
      objectLeak: '`{{obj}}.{{method}}()` advances the state of `{{obj}}` in a loop over `{{outer}}` that never resets it: each iteration continues from the previous one\'s state. Reset `{{obj}}` at the start of each iteration.',
      callReset: 'Call `{{obj}}.{{reset}}()` at the start of each iteration',
      notAReset: '`{{obj}}.{{reset}}()` is called here, but it does not reset `{{fields}}`',
      variableLeak: 'The state variable `{{name}}` is updated with `assign()` for every step but never reset in the loop over `{{outer}}`: each iteration continues from the previous one\'s state. Assign it its initial value at the start of each iteration.',
      aliasLeak: '`{{name}}` is written into the object that `{{base}}` shares with `{{alias}}`: the loop overwrites the initial state itself, so resetting `{{base}}` to `{{alias}}` restores the previous sequence\'s state. Reset with a fresh initial state (a new object).',
      aliasHere: '`{{base}}` is set to the shared `{{alias}}` object here',
      resetVariable: 'Reset `{{name}}` with `{{name}}.assign(tf.zerosLike({{name}}))` at the start of each iteration',
      objectHelperLeak: '`{{fn}}` runs one whole {{unit}} on `{{obj}}`, whose `{{method}}()` advances its `{{field}}` at every step, and this loop calls it for one {{unit}} after another without resetting `{{obj}}`: each {{unit}} continues from the previous one\'s state. Reset `{{obj}}` at the start of each iteration (or at the start of `{{fn}}`).',
      advancesHere: '`{{method}}()` advances `{{obj}}.{{field}}` here, at every step',
      shadowedReset: '`{{sub}}.{{name}}()` replaces `{{base}}.{{name}}()`, which resets `{{field}}`, but neither resets `{{field}}` itself nor calls it: after `{{name}}()`, a `{{sub}}` still carries `{{field}}` (advanced by `{{advancer}}()`) from the previous sequence into the next. Call `{{call}}` in it.',
      callBaseReset: 'Call `{{call}}` at the start of `{{sub}}.{{name}}()`',
      baseResets: '`{{base}}.{{name}}()` resets `{{field}}` here',
      sharedUnitState: '`{{name}}` is one state shared by every {{unit}}: `{{fn}}` serves one {{unit}} at a time (`{{param}}`) but advances the same state for all of them, so each {{unit}} continues from the state another {{unit}} left. Keep one state per {{unit}}, next to the rest of its own data.',
      perUnitHere: 'what is kept per {{unit}}',
      episodeEndLeak: '`{{reset}}` starts a new episode when `{{condition}}`, but `{{name}}`, the recurrent state this loop carries, is not reset with it: the new episode starts from the state the last one ended with. Reset `{{name}}` here too.',
    },
  },
  check(ctx) {
    nestedLoopLeaks(ctx);
    sequenceFunctionLeaks(ctx);
    statefulLayerLeaks(ctx);
    const resetByCaller = perSequenceMethodLeaks(ctx);
    seededRunLeaks(ctx);
    statefulObjectLeaks(ctx, resetByCaller);
    helperObjectLeaks(ctx);
    shadowedResetLeaks(ctx);
    variableStateLeaks(ctx);
    partialResetListeners(ctx);
    partialResetEffects(ctx);
    sharedUnitStateLeaks(ctx);
    episodeEndLeaks(ctx);
  },
});
