// state-leak checks for state variables carried across an outer loop over sequences: a variable or a local object's
// member advanced in the inner loop, the state handed from one call of a whole-sequence function to the next, and a
// `tf.variable` updated with `assign()`.
import ts from '../../server/src/typescript';
import { nodeText, insertAt, eol, type FixDescriptor, type RuleContext } from '../rule';
import { bodyInsertion, inlineRecurrences, isChunkLoop, writesToPath, isFanoutLoop, loopRole, sequenceFunctions } from '../../server/src/analysis/loop-queries';
import type { Iteration } from '../../server/src/analysis/calls';
import { accessBase, calleeName, calleeReceiver, accessPath, unwrap, walk, functionName, functionNameNode, isWithin } from '../../server/src/analysis/ast';
import { resolveCallee } from '../../server/src/analysis/calls';
import { nodesInside } from '../../server/src/analysis/tree-index';
import { RESET_METHOD_NAME, writesField } from '../../server/src/analysis/object-state';
import { declarationOf, initializerOf } from '../../server/src/analysis/scopes';
import { fieldInitialiser, isPure, outerLabel } from './shared';

/** `const h = tf.variable(zeros)`; `for (p of patients) for (v of p.visits) h.assign(f(v, h))`. */
export function variableStateLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const reported = new Set<ts.Node>();
  for (const call of model.callsNamed(['assign'])) {
    if (calleeName(call) !== 'assign' || call.arguments.length !== 1) continue;
    const recv = calleeReceiver(call);
    const base = recv && unwrap(recv);
    if (!base || !ts.isIdentifier(base)) continue;
    const b = model.scopes.resolve(base);
    const init = b && initializerOf(b);
    const initCall = init && unwrap(init);
    if (!b || !initCall || !ts.isCallExpression(initCall) || model.tf.fn(initCall) !== 'variable') continue;
    // A recurrent update: the new value is computed from the variable itself.
    if (!model.scopes.firstReference(b, call.arguments[0]!)) continue;
    const its = ctx.model.iterationsAround(call);
    if (its.length < 2) continue;
    const [inner, outer] = its as [Iteration, Iteration];
    const role = loopRole(outer);
    if (role === 'chunks' || role === 'fanout' || role === 'steps' || loopRole(inner) === 'fanout') continue;
    if (isWithin(declarationOf(b), outer.node) || reported.has(b)) continue;
    let resets = false;
    walk(outer.node, (n) => {
      if (isWithin(n, inner.node)) return false;
      if (ts.isCallExpression(n) && calleeName(n) === 'assign' && calleeReceiver(n) && accessPath(calleeReceiver(n)!) === b.text) resets = true;
    });
    if (resets || model.scopes.writes(b, outer.node).length > 0) continue;
    reported.add(b);
    const ns = model.tf.namespaceForFixes ?? 'tf';
    const data = { name: b.text, outer: outerLabel(ctx, outer) };
    const at = bodyInsertion(ctx.text, outer);
    const first = initCall.arguments[0] && unwrap(initCall.arguments[0]);
    const zeroStart = !!first && ts.isCallExpression(first) && /^zeros(Like)?$/.test(model.tf.fn(first) ?? '');
    const suggest: FixDescriptor[] = at && zeroStart ? [{ messageId: 'resetVariable', data, edits: [insertAt(at.pos, `${at.indent}${b.text}.assign(${ns}.zerosLike(${b.text}));${eol(ctx)}`)] }] : [];
    ctx.report({ node: call, messageId: 'variableLeak', data, suggest, related: [{ node: declarationOf(b), messageId: 'initialised', data }] });
  }
}

/** `let h = zeros; for (seq of seqs) for (t ...) h = step(x, h)` with no reset in the outer loop. */
export function nestedLoopLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const reported = new Set<ts.Node>();
  // Step calls with their state arguments, and inline recurrences (`h = tf.tanh(... h ...)`).
  const candidates: { iterations: Iteration[]; args: { path?: string; expr: ts.Expression }[] }[] = [
    ...model.stepCalls.map((c) => ({ iterations: c.iterations, args: c.stateArgs })),
    ...inlineRecurrences(model).map((r) => ({ iterations: ctx.model.iterationsAround(r.assign), args: [{ path: r.read.text, expr: r.read as ts.Expression }] })),
  ];
  for (const call of candidates) {
    if (call.iterations.length < 2) continue;
    const [inner, outer] = call.iterations as [Iteration, Iteration];
    if (isChunkLoop(outer) || isFanoutLoop(outer) || isFanoutLoop(inner) || loopRole(outer) === 'steps') continue;
    for (const arg of call.args) {
      if (arg.path && /^this\.[\w$]+$/.test(arg.path)) {
        fieldMemberLeak(ctx, arg as { path: string; expr: ts.Expression }, inner, outer, reported);
        continue;
      }
      if (arg.path && /^[\w$]+\.[\w$]+$/.test(arg.path) && !arg.path.startsWith('this.')) {
        objectMemberLeak(ctx, arg as { path: string; expr: ts.Expression }, inner, outer, reported);
        continue;
      }
      if (!arg.path || arg.path.includes('.') || !ts.isIdentifier(arg.expr)) continue;
      const b = model.scopes.resolve(arg.expr);
      if (!b) continue;
      const decl = declarationOf(b);
      if (isWithin(decl, outer.node) || !carriedOnly(model.scopes.writes(b, outer.node), inner) || reported.has(b)) continue;
      reported.add(b);
      const declList = decl.parent;
      const mutable = ts.isVariableDeclarationList(declList) && (declList.flags & ts.NodeFlags.Const) === 0;
      reportCarried(ctx, arg.expr, b.text, decl, mutable ? initializerOf(b) : undefined, outer);
    }
  }
}

/**
 * `for (const s of sentences) { const out = encode(s, hidden); hidden = out.hidden; }` with `hidden`
 * initialised before the loop: `encode` runs a whole sequence from the state it is given (its own
 * time loop), and the loop over sequences hands it the previous sequence's final state. Only a loop
 * named for sequences (`sentences`, `examples`, `episodes`), and only when every write of the state
 * in it is the call's result: any other write is a reset.
 */
export function sequenceFunctionLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const reported = new Set<ts.Node>();
  for (const [fn, params] of sequenceFunctions(model)) {
    const name = functionName(fn);
    if (!name) continue;
    for (const call of model.callSitesOf(fn)) {
      const loop = model.iterationsAround(call)[0];
      if (!loop || loopRole(loop) !== 'sequences') continue;
      for (const i of params) {
        const arg = call.arguments[i] && unwrap(call.arguments[i]!);
        const b = arg && ts.isIdentifier(arg) ? model.scopes.resolve(arg) : undefined;
        if (!arg || !b || reported.has(b)) continue;
        const decl = declarationOf(b);
        if (isWithin(decl, loop.node)) continue;
        const writes = model.scopes.writes(b, loop.node);
        if (writes.length === 0 || !writes.every((w) => writesResultOf(ctx, w, call))) continue;
        reported.add(b);
        const declList = decl.parent;
        const mutable = ts.isVariableDeclarationList(declList) && (declList.flags & ts.NodeFlags.Const) === 0;
        const at = bodyInsertion(ctx.text, loop);
        const data = { name: b.text, outer: outerLabel(ctx, loop), fn: name };
        const init = mutable ? initializerOf(b) : undefined;
        const suggest: FixDescriptor[] = init && at && isPure(init)
          ? [{ messageId: 'resetInit', data, edits: [insertAt(at.pos, `${at.indent}${b.text} = ${nodeText(ctx, init)};${eol(ctx)}`)] }]
          : [];
        ctx.report({
          node: arg, messageId: 'leak', data, suggest,
          related: [{ node: decl, messageId: 'initialised', data }, { node: functionNameNode(fn) ?? fn, messageId: 'runsSequence', data }],
        });
      }
    }
  }
}

/** Does write `w` store (part of) what `call` returned: `h = f(...)`, `[y, h] = f(...)`, `h = out.hidden` with `const out = f(...)`? */
function writesResultOf(ctx: RuleContext, w: ts.Node, call: ts.CallExpression): boolean {
  if (isWithin(call, w)) return true;
  if (!ts.isBinaryExpression(w)) return false;
  const base = accessBase(w.right);
  const from = ts.isIdentifier(base) ? ctx.model.scopes.resolve(base) : undefined;
  return !!from && ctx.model.resultTargetsOf(call).some((t) => t.node === from);
}

/**
 * Written in the inner loop and nowhere else in the outer one: carried from one sequence into the
 * next. (Not written in the inner loop: not carried, stale-state's business; written in the outer
 * loop too: reset there.)
 */
function carriedOnly(writes: ts.Node[], inner: Iteration): boolean {
  return writes.some((w) => isWithin(w, inner.node)) && !writes.some((w) => !isWithin(w, inner.node));
}

/**
 * The state kept in a member of a local object (`const st = { h: tf.zeros(...) }`, `st.h = step(f,
 * st.h)` in the inner loop), with the same test as for a variable: written in the inner loop, never
 * reset (neither the member nor the object) in the outer one.
 */
function objectMemberLeak(ctx: RuleContext, arg: { path: string; expr: ts.Expression }, inner: Iteration, outer: Iteration, reported: Set<ts.Node>): void {
  const { model } = ctx;
  const [objName, member] = arg.path.split('.') as [string, string];
  const b = model.scopes.lookup(objName, arg.expr);
  if (!b || reported.has(b)) return;
  const decl = declarationOf(b);
  if (!ts.isVariableDeclaration(decl) || isWithin(decl, outer.node)) return;
  if (!carriedOnly(writesToPath(model, arg.path, arg.expr, outer.node), inner)) return;
  if (model.scopes.writes(b, outer.node).length > 0) return; // the object itself is replaced
  if (resetByMethod(ctx, objName, member, inner, outer)) return; // `self.resetState()`
  reported.add(b);
  // `{ h: tf.zeros([1, units]) }`: the member's own initialiser, repeated at the start of each iteration.
  const init = decl.initializer && unwrap(decl.initializer);
  const prop = init && ts.isObjectLiteralExpression(init)
    ? init.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === member)
    : undefined;
  reportCarried(ctx, arg.expr, arg.path, decl, prop?.initializer, outer);
}

/**
 * `evaluate(episodes) { for (ep ...) { obs = game.reset(); while (!done) { ... this.h = step(obs, this.h) } } }`:
 * a field of the object advanced in the inner loop of one method, never reset in the outer loop
 * (no other write of the field there, no call of a method of the object that writes it).
 */
function fieldMemberLeak(ctx: RuleContext, arg: { path: string; expr: ts.Expression }, inner: Iteration, outer: Iteration, reported: Set<ts.Node>): void {
  const { model } = ctx;
  const fn = model.ownerThroughTidy(outer.node);
  if (!fn || !fn.body || reported.has(fn)) return;
  if (!carriedOnly(writesToPath(model, arg.path, arg.expr, outer.node), inner)) return;
  if (resetByMethod(ctx, 'this', arg.path.slice('this.'.length), inner, outer)) return;
  reported.add(fn);
  const init = fieldInitialiser(ctx, arg.path, fn);
  reportCarried(ctx, arg.expr, arg.path, init?.at ?? arg.expr, init?.value, outer);
}

/**
 * Does the outer loop (outside the inner one) call a method of the object `obj` (`this`, `self`,
 * `agent`) that writes its `field`? One the file does not define (inherited from outside) is taken
 * at its name (`reset...`, `init...`).
 */
function resetByMethod(ctx: RuleContext, obj: string, field: string, inner: Iteration, outer: Iteration): boolean {
  const { model } = ctx;
  return nodesInside(model.calls, outer.node).some((n) => {
    const recv = calleeReceiver(n);
    if (isWithin(n, inner.node) || !recv || accessPath(recv) !== obj) return false;
    const target = resolveCallee(n, model.scopes, model.classes);
    return target ? writesField(target, field) : RESET_METHOD_NAME.test(calleeName(n) ?? '');
  });
}

/** Reports a state carried across the outer loop, with a suggestion to repeat its initialiser there. */
function reportCarried(ctx: RuleContext, node: ts.Expression, name: string, decl: ts.Node, init: ts.Expression | undefined, outer: Iteration): void {
  const at = bodyInsertion(ctx.text, outer);
  const data = { name, outer: outerLabel(ctx, outer) };
  const suggest: FixDescriptor[] = init && at && isPure(init)
    ? [{ messageId: 'resetInit', data, edits: [insertAt(at.pos, `${at.indent}${name} = ${nodeText(ctx, init)};${eol(ctx)}`)] }]
    : [];
  ctx.report({ node, messageId: 'leak', data, suggest, related: [{ node: decl, messageId: 'initialised', data }] });
}
