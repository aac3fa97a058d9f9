// A user-written detach on the tape: the state passes at every step through a `tf.customGrad` whose
// gradient function returns zeros (PyTorch's `h.detach()` ported as `stop_gradient`/`detach_hidden`).

import ts from '../../server/src/typescript';
import { nodeText, type RuleContext } from '../rule';
import { accessPath, calleeName, enclosingFunction, isFunctionLike, isWithin, outermost, returnedExpressions, unwrap, type FunctionLike } from '../../server/src/analysis/ast';
import { finalReturn, lastFileMemo, resolveCallee } from '../../server/src/analysis/calls';
import { isChunkLoop, isSequenceLoop } from '../../server/src/analysis/loop-queries';
import { ZERO_TENSOR_CALLS } from '../../server/src/analysis/tfjs-facts';
import type { ClosureCall, FileModel } from '../../server/src/analysis/model';
import { nodesInside } from '../../server/src/analysis/tree-index';
import { closureLabel, partAt, underCondition, unrollsAChunk } from './shared';
import { storedAsState, tapedBodies } from './detached-inside';

/** `tf.zerosLike(dy)`, `tf.zeros(shape)`, `dy.mul(0)`, or a list of them (one per input). */
function isZeroTensor(model: FileModel, e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isArrayLiteralExpression(u)) return u.elements.length > 0 && u.elements.every((x) => isZeroTensor(model, x));
  if (!ts.isCallExpression(u)) return false;
  const name = model.tf.fn(u) ?? calleeName(u);
  if (name && ZERO_TENSOR_CALLS.has(name)) return true;
  // `dy.mul(0)` / `tf.mul(dy, 0)`: a product with the literal zero.
  return name === 'mul' && u.arguments.some((a) => { const v = unwrap(a); return ts.isNumericLiteral(v) && Number(v.text) === 0; });
}

/** `tf.customGrad((x) => ({ value: x.clone(), gradFunc: (dy) => tf.zerosLike(dy) }))`: every path hands back a zero gradient. */
function isZeroGradientCustomGrad(model: FileModel, e: ts.Expression | undefined): boolean {
  const u = e && unwrap(e);
  if (!u || !ts.isCallExpression(u) || model.tf.fn(u) !== 'customGrad' || !u.arguments[0]) return false;
  const f = unwrap(u.arguments[0]);
  const results = isFunctionLike(f) ? returnedExpressions(f) : undefined;
  return !!results && results.length > 0 && results.every((r) => {
    const grad = partAt(r, 'gradFunc');
    const gf = grad && unwrap(grad);
    const grads = gf && isFunctionLike(gf) ? returnedExpressions(gf) : undefined;
    return !!grads && grads.length > 0 && grads.every((x) => isZeroTensor(model, x));
  });
}

/**
 * The file's stop-gradient functions: consts bound to a zero-gradient `customGrad`, and functions
 * of the file that return one applied to their parameter (`detach_hidden(h) { return stop_gradient(h) }`).
 * Found once per file from the few `customGrad` calls, so asking about a call costs a lookup.
 */
const stopGradients = lastFileMemo((model: FileModel): { consts: Set<ts.Node>; wrappers: Set<ts.Node> } => {
  const consts = new Set<ts.Node>();
  const wrappers = new Set<ts.Node>();
  for (const c of model.callsNamed(['customGrad'])) {
    const d = outermost(c).parent;
    if (ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) && d.initializer && unwrap(d.initializer) === c && isZeroGradientCustomGrad(model, c)) consts.add(d.name);
  }
  if (consts.size === 0) return { consts, wrappers };
  for (const c of model.callsNamed([...consts].map((n) => (n as ts.Identifier).text))) {
    const fn = enclosingFunction(c);
    const last = fn && finalReturn(fn);
    if (fn && last && unwrap(last) === c && appliesConst(model, consts, c) && passesParameter(model, c, fn)) wrappers.add(fn);
  }
  return { consts, wrappers };
});

function appliesConst(model: FileModel, consts: Set<ts.Node>, call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  const b = ts.isIdentifier(callee) ? model.scopes.resolve(callee) : undefined;
  return !!b && consts.has(b);
}

/** Is the detached value the wrapper's own parameter (`return stop_gradient(h)` in `detach_hidden(h)`)? */
function passesParameter(model: FileModel, call: ts.CallExpression, fn: FunctionLike): boolean {
  const a = call.arguments[0] && unwrap(call.arguments[0]);
  const b = a && ts.isIdentifier(a) ? model.scopes.resolve(a) : undefined;
  return !!b && ts.isParameter(b.parent) && b.parent.parent === fn;
}

/** Does `call` stop the gradient of its argument: a zero-gradient `customGrad`, directly or through a wrapper of the file? */
function isStopGradientCall(model: FileModel, call: ts.CallExpression): boolean {
  const { consts, wrappers } = stopGradients(model);
  if (consts.size === 0) return false;
  if (appliesConst(model, consts, call)) return true;
  const f = resolveCallee(call, model.scopes, model.classes);
  return !!f && wrappers.has(f);
}

/**
 * Is the state assigned at `assign` read again by the steps of the same loop, not only by a loop
 * nested in it? `for (chunk) { for (x of chunk) h = step(x, h); h = detach(h) }` detaches at chunk
 * borders (truncated BPTT), whereas a detach beside the step cuts every step.
 */
function readBySameLoop(ctx: RuleContext, assign: ts.BinaryExpression, loop: ts.Node): boolean {
  const target = unwrap(assign.left);
  const b = ts.isIdentifier(target) ? ctx.model.scopes.resolve(target) : undefined;
  return !!b && ctx.model.scopes.references(b, loop).some((r) => r !== target && !isWithin(r, assign.right) && ctx.model.iterationsAround(r)[0]?.node === loop);
}

/**
 * The const of the loop's iteration that holds a value computed from `call` (`const hOde =
 * evolve(detach(h), dt)`): the update may read the detached state through it, one hop away.
 */
function constHolding(call: ts.CallExpression, loop: ts.Node): ts.Identifier | undefined {
  for (let n: ts.Node = call; n.parent && n.parent !== loop && !isFunctionLike(n.parent) && !ts.isStatement(n.parent); n = n.parent) {
    const d = n.parent;
    if (ts.isVariableDeclaration(d) && d.initializer === n) return ts.isIdentifier(d.name) ? d.name : undefined;
  }
  return undefined;
}

/**
 * The assignment of `loop` that stores the detached value as the state (`h = detach(hNext)`), or
 * stores back into the state `call` detaches a value computed from the detached one: `h = cell(x, detach(h))`, or through a const of the same
 * iteration, `const hOde = evolve(detach(h), dt); h = gruUpdate(x, hOde)` (an ODE-RNN that detaches
 * before the solver). Only when every read of the state in that update goes through the detach: a
 * new state that also reads `h` itself (`h = h.add(f(detach(h)))`, a residual) keeps a gradient path.
 */
function stateUpdatedThrough(ctx: RuleContext, call: ts.CallExpression, loop: ts.Node): ts.BinaryExpression | undefined {
  const { model } = ctx;
  // `h = detach(hNext)`: the detached value itself becomes the state.
  const direct = outermost(call).parent;
  if (ts.isBinaryExpression(direct) && direct.operatorToken.kind === ts.SyntaxKind.EqualsToken && unwrap(direct.right) === call) return direct;
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  const b = arg && ts.isIdentifier(arg) ? model.scopes.resolve(arg) : undefined;
  if (!b || isWithin(b, loop)) return undefined;
  const holder = constHolding(call, loop);
  for (const w of model.scopes.writes(b, loop)) {
    if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken || model.iterationsAround(w)[0]?.node !== loop) continue;
    const nested = isWithin(call, w.right);
    const viaConst = !nested && !!holder && model.scopes.references(holder, w.right).length > 0;
    if (!nested && !viaConst) continue;
    const roots = viaConst ? [w.right, (holder!.parent as ts.VariableDeclaration).initializer!] : [w.right];
    const readsStateBesideDetach = roots.some((r) => model.scopes.references(b, r).some((ref) => ref !== arg));
    if (!readsStateBesideDetach && !unrollsAChunk(model, loop, roots)) return w;
  }
  return undefined;
}

/** `hidden = detach_hidden(hidden)` at every step on the tape, with `detach_hidden` a zero-gradient `customGrad`. */
export function stopGradientEveryStep(ctx: RuleContext, closures: ClosureCall[]): void {
  const { model } = ctx;
  if (stopGradients(model).consts.size === 0) return;
  const reported = new Set<ts.Node>();
  for (const g of closures) for (const body of tapedBodies(ctx, g)) {
    for (const call of nodesInside(model.index.calls, body)) {
      if (reported.has(call) || !isStopGradientCall(model, call)) continue;
      const loop = model.iterationsAround(call)[0];
      // The loop over steps runs on the tape, and is not one over chunks or whole sequences (a
      // detach per chunk or per sequence is a deliberate cut).
      if (!loop || !isWithin(loop.node, body) || isChunkLoop(loop) || isSequenceLoop(loop)) continue;
      const assign = stateUpdatedThrough(ctx, call, loop.node);
      if (!assign || underCondition(call, loop.body) || underCondition(assign, loop.body)) continue;
      // `h = detach(h)` on its own: the loop must carry it (a step reads it again); a detach inside
      // the update reads the state in this very loop, so the update carries it by itself.
      const alone = unwrap(assign.right) === call;
      if (alone && (!storedAsState(ctx, outermost(call)) || !readBySameLoop(ctx, assign, loop.node))) continue;
      reported.add(call);
      const name = accessPath(assign.left) ?? nodeText(ctx, assign.left);
      const data = { name, detach: nodeText(ctx, unwrap(call.expression)), closure: closureLabel(ctx, g) };
      ctx.report({ node: call, messageId: 'stopGradient', data });
    }
  }
}
