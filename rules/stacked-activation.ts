import ts from '../server/src/typescript';
import { defineRule, nodeText, replaceNode, type FixDescriptor, type RuleContext } from './rule';
import { activationHelperNames, activationOf, isSelfGated, LOGIT_LOSS_NAMES, lossActivationOf, producingActivation, sequentialStacks, type ActivationUse, type SequentialLayer } from '../server/src/analysis/activations';
import { enclosingFunction } from '../server/src/analysis/ast';
import { ACTIVATION_OPS, RECURRENT_LAYER_FACTORIES, SQUASHED_RECURRENT_LAYER_FACTORIES } from '../server/src/analysis/tfjs-facts';

/** The edit that removes an activation, keeping what it was applied to. */
function removal(ctx: RuleContext, act: ActivationUse): FixDescriptor['edits'] {
  const op = act.operand;
  const primary = ts.isIdentifier(op) || ts.isCallExpression(op) || ts.isPropertyAccessExpression(op) ||
    ts.isElementAccessExpression(op) || ts.isParenthesizedExpression(op) || op.kind === ts.SyntaxKind.ThisKeyword;
  // `tf.tanh(a as T).mul(b)` without its tanh must read `(a as T).mul(b)`.
  const p = act.call.parent;
  const isReceiver = (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === act.call;
  const text = nodeText(ctx, op);
  return [replaceNode(ctx, act.call, !primary && isReceiver ? `(${text})` : text)];
}

/** How a message names an activation: `tanh`, or the layer that applies it. */
function describe(act: ActivationUse): string {
  if (act.helper) return `\`${act.helper}\` (\`${act.name}\`)`;
  if (act.modelOutput) {
    return SQUASHED_RECURRENT_LAYER_FACTORIES.has(act.layer ?? '')
      ? `the model's last layer (\`${act.layer}\`, its output already squashed by its \`${act.name}\`)`
      : `the model's last layer (\`${act.layer}\` with \`activation: '${act.name}'\`)`;
  }
  return act.form === 'layer' && act.layer && act.layer !== 'activation' ? layerActivationText(act.layer, act.name) : `\`${act.name}\``;
}

/**
 * How a message names the activation a layer with `activation:` ends in. An `lstm`/`gru` applies
 * it inside (`o * tanh(c)`), not last: its output is said to be squashed by it.
 */
function layerActivationText(layer: string, activation: string): string {
  return SQUASHED_RECURRENT_LAYER_FACTORIES.has(layer)
    ? `the \`${layer}\` layer's \`${activation}\` (the layer's output is already squashed by it)`
    : `the \`${layer}\` layer's \`activation: '${activation}'\``;
}

/** Is every variable the inner activation travels through read only here (so editing it changes nothing else)? */
function usedOnlyHere(ctx: RuleContext, via: ts.Identifier[]): boolean {
  return via.every((id) => {
    const b = ctx.model.scopes.resolve(id);
    if (!b) return false;
    const scope = enclosingFunction(b) ?? ctx.sf;
    return ctx.model.scopes.references(b, scope).length === 1;
  });
}

/** How a message names the activation a Sequential layer ends with. */
function describeLayer(l: SequentialLayer): string {
  return l.factory === 'activation' ? `\`${l.activation}\`` : layerActivationText(l.factory, l.activation ?? '');
}

export default defineRule({
  id: 'stacked-activation',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    fix: 'suggestion',
    docs: { description: 'An activation applied directly to the output of another, with nothing linear between' },
    messages: {
      stacked: '`{{outer}}` is applied directly to the output of {{innerDesc}}, with nothing linear between: two activations in a row distort the signal and weaken its gradients. Keep one of them.',
      stackedAcrossSteps: '{{outerDesc}} is applied to the incoming state `{{state}}`, but the step already makes each new `{{state}}` with {{innerDesc}}: from the second step on, two activations run in a row on the state, which distorts it and weakens its gradients through time. Keep one of them.',
      stackedHelper: '`{{helper}}` applies `{{outer}}` directly to the output of {{innerDesc}}, with nothing linear between: two activations in a row distort the signal and weaken its gradients. Keep one of them.',
      removeOuter: 'Remove the outer `{{outer}}`',
      removeInner: 'Remove the inner `{{inner}}`',
      removeOuterLayer: 'Remove the `{{outer}}` activation layer',
      removeInnerLayer: 'Remove the inner `{{inner}}` activation layer',
      linearInner: 'Make the `{{layer}}` layer linear (`activation: \'linear\'`)',
      innerHere: '{{innerDesc}} is applied here',
      lossOnActivation: '`tf.losses.{{loss}}` applies `{{outer}}` to the logits it is given, but `{{operand}}` is already the output of {{innerDesc}}: the activation runs twice, so the loss and its gradients are wrong. Pass the logits, the value before {{innerDesc}}.',
      passLogits: 'Pass the logits: remove the inner `{{inner}}`',
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.tf.hasImport && model.steps.length === 0) return;
    // activationOf recognises tf functions (and their aliases), tensor methods and layer `apply`.
    for (const call of model.callsNamed([...ACTIVATION_OPS, 'apply', ...activationHelperNames(model)])) {
      const outer = activationOf(model, call);
      // A layer with a kernel (dense with `activation:`) applies a linear map first: not stacking.
      if (!outer || outer.linearFirst) continue;
      const via: ts.Identifier[] = [];
      const inner = producingActivation(model, outer.operand, 0, via);
      if (!inner || isSelfGated(outer, inner)) continue;
      const innerDesc = describe(inner);
      const outerDesc = describe(outer);
      const data = { outer: outer.name, inner: inner.name, innerDesc, helper: outer.helper ?? '', outerDesc: outerDesc[0]!.toUpperCase() + outerDesc.slice(1), state: inner.previousStep ?? '' };
      const inline = inner.call.pos >= outer.call.pos && inner.call.end <= outer.call.end;
      // The fixes name what they remove as written: the helper (`squash`) or the activation.
      const named = { ...data, outer: outer.helper ?? outer.name, inner: inner.helper ?? inner.name };
      const suggest: FixDescriptor[] = [{ messageId: 'removeOuter', data: named, edits: removal(ctx, outer) }];
      // Removing the inner one edits where it is computed: only when nothing else reads that value,
      // and never for a layer with a kernel (that would drop the layer, not just its activation).
      if ((inline || usedOnlyHere(ctx, via)) && !(inner.form === 'layer' && inner.linearFirst) && !inner.crossesCall) {
        suggest.push({ messageId: 'removeInner', data: named, edits: removal(ctx, inner) });
      }
      ctx.report({
        node: outer.call,
        messageId: inner.previousStep ? 'stackedAcrossSteps' : outer.helper ? 'stackedHelper' : 'stacked',
        data,
        suggest,
        related: inline ? undefined : [{ node: inner.call, messageId: 'innerHere', data: { ...data, innerDesc: innerDesc[0]!.toUpperCase() + innerDesc.slice(1) } }],
      });
    }
    lossesOnActivations(ctx);
    // model.add(<layer ending in an activation>); model.add(tf.layers.activation({...}));
    for (const { inner, outer } of sequentialStacks(model)) {
      const innerDesc = describeLayer(inner);
      const data = { outer: outer.activation ?? '', inner: inner.activation ?? '', innerDesc, layer: inner.factory };
      const remove = (l: SequentialLayer) => [{ start: l.removal.start, end: l.removal.end, text: '' }];
      const suggest: FixDescriptor[] = [{ messageId: 'removeOuterLayer', data, edits: remove(outer) }];
      if (inner.factory === 'activation') suggest.push({ messageId: 'removeInnerLayer', data, edits: remove(inner) });
      // Not for a recurrent layer: its activation also runs inside the recurrence.
      else if (inner.activationProp && !RECURRENT_LAYER_FACTORIES.has(inner.factory)) suggest.push({ messageId: 'linearInner', data, edits: [replaceNode(ctx, inner.activationProp.initializer, `'linear'`)] });
      ctx.report({
        node: outer.expr,
        messageId: 'stacked',
        data,
        suggest,
        related: [{ node: inner.expr, messageId: 'innerHere', data: { ...data, innerDesc: innerDesc[0]!.toUpperCase() + innerDesc.slice(1) } }],
      });
    }
  },
});

/**
 * `tf.losses.sigmoidCrossEntropy(ys, tf.sigmoid(logits))`: the loss applies its own sigmoid (or
 * softmax) to what it is given. The one edit offered removes the inner activation, when nothing
 * else reads its value.
 */
function lossesOnActivations(ctx: RuleContext): void {
  const { model } = ctx;
  for (const call of model.callsNamed(LOGIT_LOSS_NAMES)) {
    const loss = lossActivationOf(model, call);
    if (!loss) continue;
    const via: ts.Identifier[] = [];
    const inner = producingActivation(model, loss.operand, 0, via);
    // Only the same activation twice: a softmax given to the sigmoid loss is another mistake.
    if (!inner || inner.name !== loss.name) continue;
    const innerDesc = describe(inner);
    const data = { loss: loss.loss, outer: loss.name, inner: inner.helper ?? inner.name, innerDesc, operand: nodeText(ctx, loss.operand) };
    const inline = inner.call.pos >= call.pos && inner.call.end <= call.end;
    const suggest: FixDescriptor[] = (inline || usedOnlyHere(ctx, via)) && inner.form !== 'layer' && !inner.crossesCall
      ? [{ messageId: 'passLogits', data, edits: removal(ctx, inner) }]
      : [];
    ctx.report({
      node: loss.operand, messageId: 'lossOnActivation', data, suggest,
      related: inline ? undefined : [{ node: inner.call, messageId: 'innerHere', data: { ...data, innerDesc: innerDesc[0]!.toUpperCase() + innerDesc.slice(1) } }],
    });
  }
}
