import ts from 'typescript';
import { defineRule, nodeText, replaceNode, type FixDescriptor, type RuleContext } from './rule';
import { activationOf, producingActivation, type ActivationUse } from '../server/src/analysis/activations';

/** The edit that removes an activation, keeping what it was applied to. */
function removal(ctx: RuleContext, act: ActivationUse): FixDescriptor['edits'] {
  return [replaceNode(ctx, act.call, nodeText(ctx, act.operand))];
}

export default defineRule({
  id: 'stacked-activation',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    fix: 'suggestion',
    docs: { description: 'An activation applied directly to the output of another, with nothing linear between' },
    messages: {
      stacked: '`{{outer}}` is applied to the output of `{{inner}}` with nothing linear between: the signal is squashed twice.',
      removeOuter: 'Remove the outer `{{outer}}`',
      removeInner: 'Remove the inner `{{inner}}`',
      innerHere: '`{{inner}}` is applied here',
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.tf.hasImport && model.steps.length === 0) return;
    for (const call of model.calls) {
      const outer = activationOf(model, call);
      // A layer with a kernel (dense with `activation:`) applies a linear map first: not stacking.
      if (!outer || outer.linearFirst) continue;
      const inner = producingActivation(model, outer.operand);
      if (!inner) continue;
      const data = { outer: outer.name, inner: inner.name };
      const inline = inner.call.pos >= outer.call.pos && inner.call.end <= outer.call.end;
      const suggest: FixDescriptor[] = [{ messageId: 'removeOuter', data, edits: removal(ctx, outer) }];
      // Removing an inner activation that lives in a variable changes every use of it: only inline.
      if (inline && !(inner.form === 'layer' && inner.linearFirst)) suggest.push({ messageId: 'removeInner', data, edits: removal(ctx, inner) });
      ctx.report({
        node: outer.call,
        messageId: 'stacked',
        data,
        suggest,
        related: inline ? undefined : [{ node: inner.call as ts.Node, messageId: 'innerHere', data }],
      });
    }
  },
});
