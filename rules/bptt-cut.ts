import ts from 'typescript';
import { defineRule, nodeText, replaceNode, type RuleContext } from './rule';
import { calleeName, calleeReceiver, accessPath, unwrap, walk } from '../server/src/analysis/ast';
import { writesToPath } from '../server/src/analysis/loop-queries';
import { initializerOf } from '../server/src/analysis/scopes';
import { FROM_VALUE_CONSTRUCTORS, READBACK_METHODS, isStateLikeName } from '../server/src/analysis/tfjs-facts';
import type { ClosureCall } from '../server/src/analysis/model';

const inside = (n: ts.Node, outer: ts.Node): boolean => n.pos >= outer.pos && n.end <= outer.end;

function closureLabel(ctx: RuleContext, g: ClosureCall): string {
  const callee = unwrap(g.call.expression);
  return nodeText(ctx, callee);
}

export default defineRule({
  id: 'bptt-cut',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'safe',
    docs: { description: 'Backpropagation through time cut short: the unrolled state has no gradient path to earlier steps' },
    messages: {
      unrolledOutside: '`{{name}}` is unrolled outside `{{closure}}` and only used inside it: gradients reach none of the steps of that loop. Move the loop over steps inside the closure.',
      readBack: '`{{name}}` is read back to JS with `{{readback}}` and rebuilt as a new tensor inside `{{closure}}`: the gradient stops here, so earlier steps never learn.',
      readBackOutside: '`{{name}}` was read back to JS with `{{readback}}` and is rebuilt as a new tensor inside `{{closure}}`: the gradient stops here. Use the tensor `{{name}}` itself.',
      dropRoundTrip: 'Use `{{name}}` directly',
      loopHere: 'the steps are unrolled here, outside the gradient closure',
    },
  },
  check(ctx) {
    const closures = ctx.model.gradientClosures();
    if (closures.length === 0) return;
    unrolledOutside(ctx, closures);
    readBackRebuilt(ctx, closures);
  },
});

function unrolledOutside(ctx: RuleContext, closures: ClosureCall[]): void {
  const { model } = ctx;
  const reported = new Set<string>();
  for (const call of model.stepCalls) {
    const loop = call.iterations[0];
    if (!loop || model.gradientClosureAround(call.call)) continue;
    for (const arg of call.stateArgs) {
      if (!arg.path || !ts.isIdentifier(arg.expr)) continue;
      const b = model.scopes.resolve(arg.expr);
      if (!b) continue;
      if (!model.scopes.writes(b, loop.node).length) continue; // not carried: nothing unrolled
      for (const g of closures) {
        if (g.call.pos < loop.node.end) continue;
        // A closure that runs steps itself continues from this state on purpose (truncated BPTT).
        if (model.stepCalls.some((c) => inside(c.call, g.fn))) continue;
        const refs = model.scopes.references(b, g.fn);
        const read = refs[0];
        if (!read) continue;
        const key = `${b.pos}:${g.call.pos}`;
        if (reported.has(key)) continue;
        reported.add(key);
        ctx.report({
          node: read, messageId: 'unrolledOutside', data: { name: b.text, closure: closureLabel(ctx, g) },
          related: [{ node: loop.node, messageId: 'loopHere' }],
        });
      }
    }
  }
}

/** The tensor read back by `h.arraySync()` / `await h.data()`, inline or through a const. */
function readBackSource(ctx: RuleContext, e: ts.Expression): { tensor: ts.Expression; method: string; inline: boolean } | undefined {
  let u = unwrap(e);
  if (ts.isAwaitExpression(u)) u = unwrap(u.expression);
  if (ts.isCallExpression(u)) {
    const m = calleeName(u);
    const r = calleeReceiver(u);
    if (m && r && READBACK_METHODS.has(m) && u.arguments.length === 0) return { tensor: r, method: m, inline: true };
    return undefined;
  }
  if (ts.isIdentifier(u)) {
    const b = ctx.model.scopes.resolve(u);
    const init = b && initializerOf(b);
    const src = init ? readBackSource(ctx, init) : undefined;
    return src ? { ...src, inline: false } : undefined;
  }
  return undefined;
}

/** Is this tensor a recurrent state: a step's result carried in a variable, or named like one? */
function isStateTensor(ctx: RuleContext, tensor: ts.Expression): boolean {
  const path = accessPath(tensor);
  if (!path) return false;
  if (ctx.model.stepCalls.some((c) => c.targets.some((t) => t.path === path) || c.stateArgs.some((a) => a.path === path))) return true;
  return isStateLikeName(path.split('.').pop()!);
}

function readBackRebuilt(ctx: RuleContext, closures: ClosureCall[]): void {
  for (const g of closures) {
    walk(g.fn, (n) => {
      if (!ts.isCallExpression(n)) return;
      const ctor = ctx.model.tf.fn(n);
      if (!ctor || !FROM_VALUE_CONSTRUCTORS.has(ctor) || !n.arguments[0]) return;
      const src = readBackSource(ctx, n.arguments[0]);
      if (!src || !isStateTensor(ctx, src.tensor)) return;
      const name = nodeText(ctx, src.tensor);
      const data = { name, readback: `${src.method}()`, closure: closureLabel(ctx, g) };
      // Dropping the round-trip is exact when it keeps the shape: nested arrays (arraySync) with no
      // shape argument, or flat data (dataSync) reshaped to the tensor's own shape, and no dtype.
      const shapeArg = n.arguments[1];
      const keepsShape = /^(arraySync|array)$/.test(src.method) ? !shapeArg : !!shapeArg && nodeText(ctx, shapeArg).replace(/\s/g, '') === `${name}.shape`;
      const writtenBetween = !src.inline; // a const copy: the tensor may have changed since.
      const safe = src.inline && keepsShape && n.arguments.length <= 2 && !writtenBetween && writesToPath(ctx.model, name, src.tensor, n).length === 0;
      ctx.report({
        node: n, messageId: inside(src.tensor, g.fn) ? 'readBack' : 'readBackOutside', data,
        fix: safe ? { messageId: 'dropRoundTrip', data, edits: [replaceNode(ctx, n, name)] } : undefined,
      });
    });
  }
}
