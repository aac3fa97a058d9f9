/**
 * bptt-cut: the rule (its messages) and `check`, which runs the checks kept in rules/bptt-cut/:
 * - unrolled-outside.ts: a loop over steps unrolled before the gradient closure and read inside it
 *   (`unrolledOutside`); a recurrent model run outside the closure that trains it (`modelRunOutside`).
 * - unrolled-by-helper.ts: a state unrolled before the closure by a helper, a fold (`reduce`) or a
 *   recursion, reached directly or through a tidy, a joined map, a dataset or a promise (`unrolledByHelper`);
 *   a masked update counts as an unroll, and a helper whose weights the closure's variable list leaves out is frozen.
 * - detached-inside.ts: the state detached on the tape: read back and rebuilt (`readBack*`), copied into
 *   a new `tf.variable` (`variableCopy`), stored with `assign()` (`assignedState`), or handed back read
 *   back by a step (`readBackStep`).
 * - zero-gradient.ts: the state passed at every step through a user-written detach, a `tf.customGrad`
 *   whose gradient is zero (`stopGradient`).
 * - read-back-source.ts: follows the values a new tensor is built from back to their read-back.
 * - shared.ts: the closure's label, the states carried across loops, a step call's carried arguments,
 *   and the part of a result at a position.
 */

import { defineRule } from './rule';
import { unrolledOutside, recurrentModelRunOutside } from './bptt-cut/unrolled-outside';
import { unrolledByHelper } from './bptt-cut/unrolled-by-helper';
import { readBackRebuilt, readBackByStep } from './bptt-cut/detached-inside';
import { stopGradientEveryStep } from './bptt-cut/zero-gradient';

export default defineRule({
  id: 'bptt-cut',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'safe',
    docs: { description: 'Backpropagation through time cut short: the unrolled state has no gradient path to earlier steps' },
    messages: {
      unrolledOutside: '`{{name}}` is unrolled outside `{{closure}}` and then used inside it: the gradient reaches none of the steps of that loop, only what happens inside the closure. Move the loop over steps inside the closure.',
      unrolledByHelper: '`{{name}}` comes from `{{helper}}`, which unrolls the steps before `{{closure}}` starts recording: gradients reach none of those steps. Call `{{helper}}` inside the closure.',
      readBack: '`{{name}}` is read back to JS with `{{readback}}` and rebuilt as a new tensor inside `{{closure}}`: the gradient stops here, so earlier steps never learn. Pass the tensor `{{name}}` on instead of rebuilding it.',
      readBackStep: '`{{helper}}` hands back its new state as `{{name}}` read back to JS with `{{readback}}`, and the loop inside `{{closure}}` feeds it to the next step: the gradient stops at every step, so earlier steps never learn. Return the tensor `{{name}}` as the state and pass it on.',
      readBackHere: '`{{helper}}` reads its new state back here',
      readBackHelper: '`{{helper}}` reads its argument `{{name}}` back to JS with `{{readback}}` and returns it rebuilt as a new tensor, inside `{{closure}}`: the gradient stops here, so earlier steps never learn. Pass the tensor `{{name}}` on instead of a rebuilt copy.',
      rebuiltHere: '`{{helper}}` rebuilds its argument here',
      readBackOutside: '`{{name}}` was read back to JS with `{{readback}}` outside `{{closure}}` and is rebuilt as a new tensor inside it: the gradient stops here. Move the steps that compute `{{name}}` inside the closure and use the tensor itself.',
      readBackField: '`{{field}}` holds `{{name}}` read back to JS with `{{readback}}`, and a new tensor is rebuilt from it here, inside `{{closure}}`: the gradient stops here, so earlier steps never learn. Carry the tensor itself as the state (and keep the read-back copies for display only).',
      dropRoundTrip: 'Use `{{name}}` directly',
      assignedState: '`{{name}}` is a `tf.variable` whose new value is set with `assign()` inside `{{closure}}`, and the next step reads it back: a variable keeps no gradient history, so every step starts from a constant and the gradient stops after one step. Carry the new state as a tensor ({{value}}) from step to step inside the closure, and assign the variable only after the gradient is taken.',
      stopGradient: '`{{name}}` goes through `{{detach}}` at every step inside `{{closure}}`, a `tf.customGrad` whose gradient is zero: the gradient stops at each step, so earlier steps never learn. Pass `{{name}}` on without `{{detach}}` (or detach only every K steps, under a condition, if you mean truncated BPTT).',
      variableCopy: '`{{name}}` is copied into a new `tf.variable` inside `{{closure}}`: a variable has no gradient history, so the gradient stops here and earlier steps never learn. Use the tensor itself.',
      dropVariable: 'Use `{{name}}` directly instead of a new variable',
      loopHere: 'the steps are unrolled here, outside the gradient closure',
      modelRunOutside: '`{{model}}` runs its recurrent layer outside `{{closure}}`, and the closure reads its result `{{name}}`; but `{{model}}`\'s weights are among the variables `{{closure}}` trains: the loss sees `{{name}}` as a constant, so those weights get no gradient. Run `{{model}}` inside the closure.',
      trainedHere: '`{{model}}`\'s weights are listed for training here',
    },
  },
  check(ctx) {
    const closures = ctx.model.gradientClosures();
    if (closures.length === 0) return;
    unrolledOutside(ctx, closures);
    recurrentModelRunOutside(ctx, closures);
    unrolledByHelper(ctx, closures);
    readBackRebuilt(ctx, closures);
    readBackByStep(ctx, closures);
    stopGradientEveryStep(ctx, closures);
  },
});
