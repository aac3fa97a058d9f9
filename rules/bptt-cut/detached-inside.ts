// The state detached on the tape, inside the closure or the functions it calls: read back and rebuilt
// as a new tensor, copied into a new `tf.variable`, stored with `assign()`, or handed back read back by a step.

import ts from '../../server/src/typescript';
import { nodeText, replaceNode, type RuleContext } from '../rule';
import { calleeName, calleeReceiver, accessPath, functionName, outermost, returnedExpressions, thisFieldName, unwrap, walk, enclosingFunction, type FunctionLike, isWithin, declaredMemberName } from '../../server/src/analysis/ast';
import { thisHolders } from '../../server/src/analysis/class-hierarchy';
import { resolveCallee, type StepCall } from '../../server/src/analysis/calls';
import { isChunkLoop, isSequenceLoop, writesToPath } from '../../server/src/analysis/loop-queries';
import { initialValueOf, initializerOf, isPropertyName } from '../../server/src/analysis/scopes';
import { FROM_VALUE_CONSTRUCTORS, READBACK_METHODS, isStateLikeName } from '../../server/src/analysis/tfjs-facts';
import type { ClosureCall } from '../../server/src/analysis/model';
import { nodesInside } from '../../server/src/analysis/tree-index';
import { closureLabel, loopCarriedArgs, multipliesByWeight, partAt, underCondition, unrollsAChunk } from './shared';
import { type ReadBack, readBackSource } from './read-back-source';

/** Is this tensor a recurrent state: a step's result carried in a variable, or named like one? */
function isStateTensor(ctx: RuleContext, tensor: ts.Expression, rebuilt: ts.Node): boolean {
  const path = accessPath(tensor);
  // `h = tf.tensor2d(clampRows(tf.tanh(pre).arraySync()))`: the step's new value read back without
  // a name of its own; a state when the copy replaces a state the value was computed from.
  if (!path) return copiesOf(ctx, rebuilt).some((v) => storedAsState(ctx, v) && computedFromTarget(ctx, tensor, v));
  if (ctx.model.stepCalls.some((c) => c.stateArgs.some((a) => a.path === path) || c.targets.some((t) => t.path === path))) return true;
  if (isStateLikeName(path.split('.').pop()!)) return true;
  // `h = tf.tensor(next.dataSync(), next.shape)`: rebuilt into a state variable, directly or one
  // hop away (`const snap = rebuilt; h = snap`, `trace.push(rebuilt); h = trace[trace.length - 1]`).
  return copiesOf(ctx, rebuilt).some((v) => storedAsState(ctx, v));
}

/**
 * Does the tensor made at `e` become a state: passed as a step's state, or stored as one? In a
 * helper that returns it (`current() { return tf.tensor2d(this.past[...]) }`), at its calls.
 */
function feedsState(ctx: RuleContext, e: ts.Node, body: FunctionLike, field: string): boolean {
  const { model } = ctx;
  const passed = (v: ts.Node): boolean => model.stepCalls.some((c) => c.stateArgs.some((a) => unwrap(a.expr) === unwrap(v as ts.Expression) || isWithin(v, a.expr)));
  const asState = (v: ts.Node): boolean =>
    passed(v) || copiesOf(ctx, v).some((x) => storedAsState(ctx, x) || passed(x)) || refilledInLoop(ctx, v, body, field);
  if (asState(e)) return true;
  const returns = (returnedExpressions(body) ?? []).map(unwrap);
  if (returns.some((r) => r === unwrap(e as ts.Expression))) return model.callSitesOf(body).some((site) => asState(outermost(site)));
  // `return { memory, last: tf.tensor2d(...) }`, destructured by the caller (`const { last } = ...; let h = last`).
  const member = ts.isPropertyAssignment(e.parent) && e.parent.initializer === e && ts.isIdentifier(e.parent.name) &&
    returns.includes(e.parent.parent as ts.Expression) ? e.parent.name.text : undefined;
  return member !== undefined && model.callSitesOf(body).some((site) => {
    const d = outermost(site).parent;
    const el = ts.isVariableDeclaration(d) && ts.isObjectBindingPattern(d.name)
      ? d.name.elements.find((x) => ((x.propertyName ?? x.name) as ts.Node).getText() === member && ts.isIdentifier(x.name)) : undefined;
    const scope = el && (enclosingFunction(el) ?? el.getSourceFile());
    return !!el && !!scope && model.scopes.references(el.name as ts.Identifier, scope).some((r) => asState(outermost(r)));
  });
}

/**
 * `const h = f(x, this.trace.latest()); this.trace.record(t, h)` in one loop: the rebuilt entry
 * feeds the step whose result is recorded into the same field, a recurrence through the field.
 * `site` reads the entry (in `body`, or a call of `body`); the loop around it also calls a method
 * of the class that pushes into `field` (`this.f`), with a value computed from what `site` read.
 */
function refilledInLoop(ctx: RuleContext, site: ts.Node, body: FunctionLike, field: string): boolean {
  const loop = ctx.model.iterationsAround(site)[0];
  const cls = ts.isClassLike(body.parent) ? body.parent : undefined;
  if (!loop || !cls) return false;
  const name = field.slice('this.'.length);
  const fills = (m: FunctionLike): boolean => ctx.model.callsNamed(['push', 'unshift']).some((p) => isWithin(p, m) && thisFieldName(unwrap(calleeReceiver(p)!)) === name);
  // The value recorded is computed from the entry read: inline, or a const whose initialiser holds it.
  const fromSite = (a: ts.Expression): boolean => {
    const u = unwrap(a);
    if (isWithin(site, u)) return true;
    const init = ts.isIdentifier(u) ? initialValueOf(ctx.model.scopes, u) : undefined;
    return !!init && isWithin(site, init);
  };
  return nodesInside(ctx.model.calls, loop.body).some((c) => {
    if (c === site || !c.arguments.some(fromSite)) return false;
    const m = resolveCallee(c, ctx.model.scopes, ctx.model.classes);
    return !!m && m.parent === cls && fills(m);
  });
}

/** Is the value at `v` assigned (`s = v`) to a state variable: named like one, passed to a step, or carried by the loop around it? */
export function storedAsState(ctx: RuleContext, v: ts.Node): boolean {
  const p = v.parent;
  const lhs = ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === v ? accessPath(p.left) : undefined;
  if (!lhs) return false;
  if (isStateLikeName(lhs.split('.').pop()!) || ctx.model.stepCalls.some((c) => c.stateArgs.some((a) => a.path === lhs))) return true;
  // Carried by the loop around it: the variable is also read in that loop (it feeds the next step).
  const target = unwrap((p as ts.BinaryExpression).left);
  const b = ts.isIdentifier(target) ? ctx.model.scopes.resolve(target) : undefined;
  const loop = ctx.model.iterationsAround(p)[0];
  return !!b && !!loop && !isWithin(b, loop.node) && ctx.model.scopes.references(b, loop.node).some((r) => r !== target && !isWithin(r, p));
}

/**
 * Is `tensor` the cell's new value from the variable that `v` is assigned to (`h = <rebuilt>`): it
 * multiplies that variable by a weight, directly or through a const of one hop (`const pre =
 * x.matMul(Wx).add(h.matMul(Wh))`, then `tf.tanh(pre)`)? Without it, a rebuilt value carried by a
 * loop may be any accumulator (a running maximum), not the recurrent state.
 */
function computedFromTarget(ctx: RuleContext, tensor: ts.Expression, v: ts.Node): boolean {
  const { scopes } = ctx.model;
  const target = unwrap((v.parent as ts.BinaryExpression).left);
  const b = ts.isIdentifier(target) ? scopes.resolve(target) : undefined;
  if (!b) return false;
  if (multipliesByWeight(ctx, tensor, b)) return true;
  let viaConst = false;
  walk(tensor, (n) => {
    if (viaConst || !ts.isIdentifier(n) || isPropertyName(n)) return;
    const init = initialValueOf(scopes, n);
    if (init && multipliesByWeight(ctx, init, b)) viaConst = true;
  });
  return viaConst;
}

/**
 * Where the value made at `e` can be read back, one hop on: `e` itself, the reads of a const it
 * initialises, and the reads of the last element (`a[a.length - 1]`, `a.at(-1)`) of an array it is
 * pushed to, in the same loop.
 */
function copiesOf(ctx: RuleContext, e: ts.Node): ts.Node[] {
  const out: ts.Node[] = [e];
  // `t === 0 ? tf.zeros(...) : tf.tensor2d(history[t - 1])`: the value on one branch is the conditional's.
  while (ts.isConditionalExpression(e.parent) && e.parent.condition !== e) out.push((e = outermost(e.parent)));
  const p = e.parent;
  if (ts.isVariableDeclaration(p) && p.initializer === e && ts.isIdentifier(p.name)) {
    const loop = ctx.model.iterationsAround(p)[0];
    out.push(...ctx.model.scopes.references(p.name, loop?.body ?? enclosingFunction(p) ?? p.getSourceFile()).map(outermost));
  } else if (ts.isCallExpression(p) && calleeName(p) === 'push' && p.arguments.length === 1) {
    const arr = calleeReceiver(p);
    const loop = ctx.model.iterationsAround(p)[0];
    const b = arr && ts.isIdentifier(unwrap(arr)) ? ctx.model.scopes.resolve(unwrap(arr) as ts.Identifier) : undefined;
    if (b && loop) {
      for (const r of ctx.model.scopes.references(b, loop.body)) {
        const last = lastElementRead(r);
        if (last && last.pos > p.end) out.push(outermost(last));
      }
    }
  }
  return out;
}

/** `a[a.length - 1]` or `a.at(-1)` for the reference `a`: the read of what was pushed last. */
function lastElementRead(a: ts.Identifier): ts.Expression | undefined {
  const p = a.parent;
  if (ts.isElementAccessExpression(p) && p.expression === a) {
    const i = unwrap(p.argumentExpression);
    const isLast = ts.isBinaryExpression(i) && i.operatorToken.kind === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(i.right) && i.right.text === '1' &&
      ts.isPropertyAccessExpression(i.left) && i.left.name.text === 'length' && ts.isIdentifier(i.left.expression) && i.left.expression.text === a.text;
    return isLast ? p : undefined;
  }
  if (ts.isPropertyAccessExpression(p) && p.expression === a && p.name.text === 'at' && ts.isCallExpression(p.parent) && p.parent.expression === p) {
    const i = p.parent.arguments[0] && unwrap(p.parent.arguments[0]);
    return i && ts.isPrefixUnaryExpression(i) && i.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(i.operand) && i.operand.text === '1' ? p.parent : undefined;
  }
  return undefined;
}

/**
 * Does `n` run once per step of the closure's unroll: inside a loop of the closure (or of the
 * helper `body`), or anywhere in a helper without a loop of its own (called per step)?
 */
function runsPerStep(ctx: RuleContext, n: ts.Node, body: FunctionLike, g: ClosureCall): boolean {
  const inLoopOf = (fn: ts.Node): boolean => ctx.model.iterationsAround(n).some((it) => isWithin(it.node, fn));
  return body === g.fn ? inLoopOf(g.fn) : inLoopOf(body) || nodesInside(ctx.model.index.loops, body).length === 0;
}

/**
 * The closure and the functions of this file it calls, to a small depth (`() =>
 * this.reconstructionLoss(w)` runs the method's body on the tape too).
 */
export function tapedBodies(ctx: RuleContext, g: ClosureCall, depth = 2): FunctionLike[] {
  const out: FunctionLike[] = [g.fn];
  for (let i = 0, level = 0; i < out.length && level < depth; level++) {
    const end = out.length;
    for (; i < end; i++) {
      walk(out[i]!, (n) => {
        if (!ts.isCallExpression(n)) return;
        const f = resolveCallee(n, ctx.model.scopes, ctx.model.classes);
        if (f && !out.includes(f) && !isWithin(g.call, f)) out.push(f);
      });
    }
  }
  return out;
}

export function readBackRebuilt(ctx: RuleContext, closures: ClosureCall[]): void {
  const seen = new Set<ts.Node>();
  for (const g of closures) for (const body of tapedBodies(ctx, g)) {
    walk(body, (n) => {
      if (seen.has(n)) return false;
      seen.add(n);
      if (!ts.isCallExpression(n)) return;
      // `h = tf.variable(step(x, h), false)`: a new variable starts a new tape history.
      if (ctx.model.tf.fn(n) === 'variable' && n.arguments[0]) {
        const value = unwrap(n.arguments[0]);
        const isStep = ts.isCallExpression(value) && !!ctx.model.stepCallAt(value);
        if (isStep || (accessPath(value) && isStateTensor(ctx, value, outermost(n)))) {
          const name = nodeText(ctx, value);
          const data = { name, closure: closureLabel(ctx, g) };
          const safe = n.arguments.length <= 2 && (n.arguments.length < 2 || n.arguments[1]!.kind === ts.SyntaxKind.FalseKeyword);
          ctx.report({ node: n, messageId: 'variableCopy', data, fix: safe ? { messageId: 'dropVariable', data, edits: [replaceNode(ctx, n, name)] } : undefined });
        }
        return;
      }
      if (calleeName(n) === 'assign' && n.arguments.length === 1) {
        // Only an assign inside the loop over steps: one after the loop hands the final state to
        // the next chunk (truncated BPTT on purpose).
        const state = runsPerStep(ctx, n, body, g) ? assignedStateVariable(ctx, n, body) : undefined;
        if (state) {
          const data = { name: state, closure: closureLabel(ctx, g), value: `\`${nodeText(ctx, n.arguments[0]!)}\`` };
          ctx.report({ node: n, messageId: 'assignedState', data });
        }
        return;
      }
      const ctor = ctx.model.tf.fn(n);
      if (!ctor || !FROM_VALUE_CONSTRUCTORS.has(ctor) || !n.arguments[0]) return;
      const src = readBackSource(ctx, n.arguments[0]);
      if (!src) return;
      // `record(name, t) { ...; return tf.tensor(t.dataSync(), t.shape); }`: a helper that hands back
      // a rebuilt copy of its parameter detaches whatever state its callers pass.
      if (body !== g.fn && !isStateTensor(ctx, src.tensor, outermost(n))) {
        reportDetachingHelper(ctx, g, body, n, src);
        return;
      }
      if (!isStateTensor(ctx, src.tensor, outermost(n))) return;
      // Rebuilt once, before the closure's own loop over steps (`let h = tf.tensor2d(carry)`, with
      // `carry = h.arraySync()` after the loop): the state handed from one chunk's closure call to
      // the next, truncated BPTT on purpose. The steps of this call keep their gradient.
      if (body === g.fn && !runsPerStep(ctx, n, body, g) && nodesInside(ctx.model.index.loops, g.fn).length > 0) return;
      // A plain copy (`tf.tensor(h.arraySync())`, the values unchanged) taken only on some steps
      // (`if (t % K === 0)`) is tfjs's way to detach: truncated BPTT on purpose. A copy that
      // changes the values on the way (a clamp, a NaN scrub) cuts the gradient as a side effect.
      const loop = src.inline ? ctx.model.iterationsAround(n)[0] : undefined;
      if (loop && underCondition(n, loop.body)) return;
      // Copies kept in a field (a timeline of states for display) matter only when the tensor
      // rebuilt from them becomes the state again: here, or where the helper returning it is called.
      if (src.field && !feedsState(ctx, outermost(n), body, src.field)) return;
      const name = nodeText(ctx, src.tensor);
      const data = { name, readback: `${src.method}()`, closure: closureLabel(ctx, g) };
      // Dropping the round-trip is exact when it keeps the shape: nested arrays (arraySync) with no
      // shape argument, or flat data (dataSync) reshaped to the tensor's own shape, and no dtype.
      const shapeArg = n.arguments[1];
      const keepsShape = /^(arraySync|array)$/.test(src.method) ? !shapeArg : !!shapeArg && nodeText(ctx, shapeArg).replace(/\s/g, '') === `${name}.shape`;
      const writtenBetween = !src.inline; // a const copy: the tensor may have changed since.
      const safe = src.inline && keepsShape && n.arguments.length <= 2 && !writtenBetween && writesToPath(ctx.model, name, src.tensor, n).length === 0;
      ctx.report({
        node: n, messageId: src.field ? 'readBackField' : isWithin(src.tensor, body) ? 'readBack' : 'readBackOutside', data: { ...data, field: src.field ?? '' },
        fix: safe ? { messageId: 'dropRoundTrip', data, edits: [replaceNode(ctx, n, name)] } : undefined,
      });
    });
  }
}

/**
 * `state.assign(hNew)` in a function the gradient closure runs, where `state` is made by
 * `tf.variable(...)`, is named like a state, and is read by the same function before the assign (the
 * step reads the old state, then stores the new one). A running statistic (`mean.assign(...)`) is
 * not a state by name and is left alone. The variable's path, or undefined.
 */
function assignedStateVariable(ctx: RuleContext, assign: ts.CallExpression, body: FunctionLike): string | undefined {
  const recv = calleeReceiver(assign);
  const path = recv && accessPath(recv);
  if (!recv || !path || !isStateLikeName(path.split('.').pop()!)) return undefined;
  if (!madeByVariable(ctx, unwrap(recv))) return undefined;
  // The old value is read before the new one is stored (`transition(x, this.state)`), in this function.
  let readBefore = false;
  walk(body, (n) => {
    if (readBefore || n.pos >= assign.pos) return false;
    if (n !== recv && (ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) && accessPath(n) === path && !(ts.isIdentifier(n) && isPropertyName(n)) && !isAssignReceiver(n)) readBefore = true;
  });
  return readBefore ? path : undefined;
}

function isAssignReceiver(n: ts.Node): boolean {
  const p = n.parent;
  return ts.isPropertyAccessExpression(p) && p.expression === n && p.name.text === 'assign';
}

/** Is `e` (a name or `this.field`) bound to `tf.variable(...)` where it is declared or assigned? */
function madeByVariable(ctx: RuleContext, e: ts.Expression): boolean {
  const isVariable = (init: ts.Expression | undefined): boolean => {
    const u = init && unwrap(init);
    return !!u && ts.isCallExpression(u) && ctx.model.tf.fn(u) === 'variable';
  };
  if (ts.isIdentifier(e)) {
    const b = ctx.model.scopes.resolve(e);
    return !!b && isVariable(initializerOf(b));
  }
  const field = ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword ? e.name.text : undefined;
  if (field === undefined) return false;
  const holders = thisHolders(e);
  let found = false;
  for (const holder of holders) walk(holder, (n) => {
    if (found) return false;
    if (ts.isPropertyDeclaration(n) && declaredMemberName(n) === field) found = isVariable(n.initializer);
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) &&
      n.left.expression.kind === ts.SyntaxKind.ThisKeyword && n.left.name.text === field) found = isVariable(n.right);
  });
  return found;
}

/**
 * `h = this.record('h', hNew)` on the tape, where `record` returns `tf.tensor(t.dataSync(), t.shape)`
 * of its parameter `t`: reported at each call in the closure's bodies that passes a state there.
 */
function reportDetachingHelper(ctx: RuleContext, g: ClosureCall, helper: FunctionLike, rebuilt: ts.CallExpression, src: ReadBack): void {
  const { model } = ctx;
  const t = unwrap(src.tensor);
  const param = ts.isIdentifier(t) ? model.scopes.resolve(t)?.parent : undefined;
  const index = param && ts.isParameter(param) && param.parent === helper ? helper.parameters.indexOf(param) : -1;
  // The rebuilt copy is what the helper returns.
  const returned = (returnedExpressions(helper) ?? []).some((r) => unwrap(r) === rebuilt);
  if (index < 0 || !returned) return;
  for (const body of tapedBodies(ctx, g)) {
    walk(body, (n) => {
      if (!ts.isCallExpression(n) || resolveCallee(n, model.scopes, model.classes) !== helper) return;
      const arg = n.arguments[index];
      if (!arg) return;
      const passesState = !!accessPath(arg) && isStateTensor(ctx, arg, outermost(n));
      if (!passesState && !rebuildsStepResultEveryStep(ctx, n, arg)) return;
      const data = { helper: functionName(helper) ?? 'the helper', name: nodeText(ctx, arg), readback: `${src.method}()`, closure: closureLabel(ctx, g) };
      ctx.report({ node: n, messageId: 'readBackHelper', data, related: [{ node: rebuilt, messageId: 'rebuiltHere', data }] });
    });
  }
}

/**
 * `h = detach(cell(p, x, h))` in a loop: the helper is given a step's new state directly, and its
 * rebuilt copy replaces the state that same step read, so every step starts from a constant. Not
 * under a condition in the loop (`if (t % K === 0)`): detaching on some steps only is truncated
 * BPTT on purpose, as for an inline copy.
 */
function rebuildsStepResultEveryStep(ctx: RuleContext, helperCall: ts.CallExpression, arg: ts.Expression): boolean {
  const stepCall = ctx.model.stepCallAt(unwrap(arg));
  const loop = stepCall?.iterations[0];
  if (!stepCall || !loop || underCondition(helperCall, loop.body)) return false;
  // A loop over chunks or whole sequences, or a step given a slice of the sequence (`h =
  // detach(runChunk(xs.slice(t, t + K), h))`): the copy is taken at chunk borders, on purpose.
  if (isChunkLoop(loop) || isSequenceLoop(loop) || unrollsAChunk(ctx.model, loop.node, [arg])) return false;
  const assign = outermost(helperCall).parent;
  if (!ts.isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || assign.right !== outermost(helperCall)) return false;
  const target = accessPath(unwrap(assign.left));
  return !!target && stepCall.stateArgs.some((a) => a.path === target);
}

/**
 * `const r = this.step(p, state); state = r.state;` in a loop on the tape, where `step` returns its new
 * state as a read-back (`{ out, state: hNext.dataSync() }`): the state the loop carries is JS numbers,
 * so every step starts from a constant. Reported at the step call.
 */
export function readBackByStep(ctx: RuleContext, closures: ClosureCall[]): void {
  const { model } = ctx;
  const reported = new Set<ts.Node>();
  // Only steps of the file that read something back can hand back a read-back.
  const readBacks = model.callsNamed(READBACK_METHODS);
  if (readBacks.length === 0) return;
  const candidates = model.stepCalls.filter((c) => c.calleeFn && c.iterations[0] && readBacks.some((r) => isWithin(r, c.calleeFn!)));
  if (candidates.length === 0) return;
  for (const g of closures) for (const body of tapedBodies(ctx, g)) {
    for (const call of candidates) {
      const loop = call.iterations[0];
      const fn = call.calleeFn;
      if (!fn || !loop || reported.has(call.call) || !isWithin(call.call, body) || !isWithin(loop.node, body)) continue;
      const returned = returnedExpressions(fn);
      if (!returned || returned.length === 0) continue;
      for (const b of loopCarriedArgs(ctx, call, loop.node)) {
        // Which part of the step's result the loop writes into the state (`state = r.state`), the same at every write.
        const positions = model.scopes.writes(b, loop.node).map((w) => fedPosition(call, w));
        const pos = positions[0];
        if (pos === undefined || positions.some((p) => p !== pos)) continue;
        // That part is a read-back in every return of the step.
        const parts = returned.map((r) => partAt(r, pos));
        const srcs = parts.map((p) => p && readBackSource(ctx, p));
        if (srcs.some((x) => x === undefined)) continue;
        const src = srcs[0]!;
        reported.add(call.call);
        const data = { helper: functionName(fn) ?? nodeText(ctx, unwrap(call.call.expression)), name: nodeText(ctx, src.tensor), readback: `${src.method}()`, closure: closureLabel(ctx, g) };
        ctx.report({ node: call.call, messageId: 'readBackStep', data, related: [{ node: parts[0]!, messageId: 'readBackHere', data }] });
        break;
      }
    }
  }
}

/** The position of `call`'s result that the write `w` stores: 'all' (`s = step(...)`), an index or a key (`s = r.state`, `s = next`). */
function fedPosition(call: StepCall, w: ts.Node): number | string | undefined {
  if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const right = unwrap(w.right);
  if (right === call.call) return 'all';
  const target = (name: string) => call.targets.find((t) => t.path === name);
  if (ts.isIdentifier(right)) { const t = target(right.text); return t && (typeof t.position === 'number' || !t.position.startsWith('rest:')) ? t.position : undefined; }
  const base = ts.isPropertyAccessExpression(right) || ts.isElementAccessExpression(right) ? unwrap(right.expression) : undefined;
  if (!base || !ts.isIdentifier(base) || target(base.text)?.position !== 'all') return undefined;
  if (ts.isPropertyAccessExpression(right)) return right.name.text;
  const arg = (right as ts.ElementAccessExpression).argumentExpression;
  return ts.isNumericLiteral(arg) ? Number(arg.text) : ts.isStringLiteral(arg) ? arg.text : undefined;
}
