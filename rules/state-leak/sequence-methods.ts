// state-leak checks for a method or function that runs a whole sequence from state kept outside it (a field, a module
// variable) without resetting it first, or that stores the state it ends with back for the next call (seeded runs).
import ts from '../../server/src/typescript';
import { nodeText, insertAt, eol, type FixDescriptor, type RuleContext } from '../rule';
import { blockInsertion, fieldAdvancingCalls, fieldRecurrences, inlineRecurrences, isChunkLoop, writesToPath, isFanoutLoop, loopRole } from '../../server/src/analysis/loop-queries';
import type { Iteration } from '../../server/src/analysis/calls';
import { seededRuns } from '../../server/src/analysis/seeded-runs';
import { calleeName, calleeReceiver, accessPath, unwrap, walk, enclosingFunction, functionName, thisFieldName, isWithin } from '../../server/src/analysis/ast';
import { declarationOf, initializerOf } from '../../server/src/analysis/scopes';
import { CHUNK_LOOP_TOKENS, INDEPENDENT_UNIT_TOKENS, STREAMING_FUNCTION_NAME, hasToken } from '../../server/src/analysis/tfjs-facts';
import { calledOnlyByConstructor, fieldInitialiser, portableTo } from './shared';

/**
 * A method that runs a whole sequence and advances `this.h` (or a module variable) without a reset.
 * Returns the methods that would be such a leak but for a reset in another method (`reset()`):
 * their callers must call it between sequences (statefulObjectLeaks checks they do).
 */
export function perSequenceMethodLeaks(ctx: RuleContext): Set<ts.MethodDeclaration> {
  const { model } = ctx;
  const reported = new Set<string>();
  const resetByCaller = new Set<ts.MethodDeclaration>();
  // Step calls, and fields advanced inline (`const next = tf.tidy(() => ... this.h ...); this.h = next`).
  // And calls of a method that advances a field by itself (`this.step(tok)` replacing `this.h`):
  // the call is where the loop advances the state.
  const candidates: { iterations: Iteration[]; stateArgs: { path?: string; expr: ts.Expression }[]; advancer?: ts.MethodDeclaration }[] = [
    ...model.stepCalls,
    ...fieldRecurrences(model).map((r) => ({ iterations: model.iterationsAround(r.assign), stateArgs: [{ path: r.path, expr: r.read }] })),
    // A closure's or module's variable advanced inline (`const next = tf.tidy(() => ... h ...); h = next`).
    ...inlineRecurrences(model).map((r) => ({ iterations: model.iterationsAround(r.assign), stateArgs: [{ path: r.binding.text, expr: r.read as ts.Expression }] })),
    ...fieldAdvancingCalls(model).filter((a) => !streamingApi(a.method))
      .map((a) => ({ iterations: model.iterationsAround(a.call), stateArgs: [{ path: a.path, expr: a.call }], advancer: a.method })),
  ];
  for (const call of candidates) {
    if (call.iterations.length === 0) continue;
    const outermost = call.iterations[call.iterations.length - 1]!;
    // The function that owns the loops; a tf.tidy callback around them is part of it.
    const fn = model.ownerThroughTidy(outermost.node);
    if (!fn || !fn.body) continue;
    const fnName = functionName(fn) ?? '';
    // A reset that aliases the object the loop writes into is broken whatever the method is for.
    if (call.stateArgs.some((a) => a.path && aliasedResetLeak(ctx, a.path, a.expr, outermost.node, reported))) continue;
    // A streaming name (`onFrame`, `push`) continues one stream, unless it names independent units (`onRequest`).
    const streaming = STREAMING_FUNCTION_NAME.test(fnName) && !hasToken(fnName, INDEPENDENT_UNIT_TOKENS);
    if (streaming || hasToken(fnName, CHUNK_LOOP_TOKENS) || ts.isConstructorDeclaration(fn)) continue;
    if (call.iterations.some((it) => isChunkLoop(it) || isFanoutLoop(it))) continue;
    if (ts.isMethodDeclaration(fn) && fnName && freshOrStreamingUses(ctx, fnName)) continue;
    for (const arg of call.stateArgs) {
      if (!arg.path) continue;
      const isField = arg.path.startsWith('this.') && arg.path.split('.').length === 2;
      let isModuleVar = false;
      if (!isField) {
        if (!ts.isIdentifier(arg.expr)) continue;
        const b = model.scopes.resolve(arg.expr);
        if (!b || isWithin(declarationOf(b), fn)) continue;
        isModuleVar = true;
      }
      const writesInFn = writesToPath(model, arg.path, arg.expr, fn);
      const advancedAt = call.advancer ? [arg.expr] : writesInFn;
      if (!advancedAt.some((w) => isWithin(w, outermost.node))) continue; // not advanced here
      if (writesInFn.some((w) => !isWithin(w, outermost.node))) continue; // reset in the method
      if (resetElsewhere(ctx, arg.path, arg.expr, fn, isModuleVar, call.advancer)) {
        if (isField && ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name) && !hasResetMethodCall(fn)) resetByCaller.add(fn);
        continue;
      }
      const key = `${fn.pos}:${arg.path}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const data = { name: arg.path, method: fnName || 'this function' };
      const init = isField ? fieldInitialiser(ctx, arg.path, fn) : variableInitialiser(ctx, arg.expr as ts.Identifier, fn);
      const at = blockInsertion(ctx.text, fn.body);
      const suggest: FixDescriptor[] = init && at
        ? [{ messageId: 'resetField', data, edits: [insertAt(at.pos, `${at.indent}${arg.path} = ${nodeText(ctx, init.value)};${eol(ctx)}`)] }]
        : [];
      ctx.report({
        node: arg.expr, messageId: 'fieldLeak', data, suggest,
        related: init ? [{ node: init.at, messageId: isField ? 'initialisedField' : 'initialised', data }] : undefined,
      });
    }
  }
  return resetByCaller;
}

/**
 * A request handler, or a function given a whole sequence per call, that runs it from a field or a
 * factory's variable and stores the final state back (`let h = this.context; ...; this.context = h`):
 * the next request or sequence starts where this one ended.
 */
export function seededRunLeaks(ctx: RuleContext): void {
  for (const run of seededRuns(ctx.model)) {
    const name = functionName(run.method);
    // Called only on fresh objects, or for the chunks of one stream, by the file's own code.
    if (name && freshOrStreamingUses(ctx, name)) continue;
    const data = { name: run.path, method: name ?? 'this function' };
    const init = run.variable ? variableInitialiser(ctx, run.variable, run.method) : fieldInitialiser(ctx, run.path, run.method);
    const at = run.method.body && blockInsertion(ctx.text, run.method.body);
    const suggest: FixDescriptor[] = init && at
      ? [{ messageId: 'resetField', data, edits: [insertAt(at.pos, `${at.indent}${run.path} = ${nodeText(ctx, init.value)};${eol(ctx)}`)] }]
      : [];
    const initialised = run.variable ? 'initialised' : 'initialisedField';
    ctx.report({
      node: run.seed, messageId: 'fieldLeak', data, suggest,
      related: [{ node: run.store, messageId: 'storedBack', data }, ...(init ? [{ node: init.at, messageId: initialised, data }] : [])],
    });
  }
}

/**
 * A public method named for streaming (`push(frame)`, `step(x)`, `update(obs)`) that advances the
 * state is the class's streaming interface: another method looping over it continues the stream on
 * purpose. A private one (`#step`, `private advance`) is a detail of the method that loops.
 */
function streamingApi(method: ts.MethodDeclaration): boolean {
  const isPrivate = ts.isPrivateIdentifier(method.name) ||
    !!ts.getModifiers(method)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword);
  return !isPrivate && ts.isIdentifier(method.name) && STREAMING_FUNCTION_NAME.test(method.name.text);
}

/**
 * `reset() { this.state = this.zeroState; }` and a loop that writes `this.state.h = h`: the loop
 * writes into the zero-state object itself, so after the first run "reset" restores the last
 * state. Reported at the state argument.
 */
function aliasedResetLeak(ctx: RuleContext, path: string, at: ts.Expression, loop: ts.Node, reported: Set<string>): boolean {
  const parts = path.split('.');
  if (parts[0] !== 'this' || parts.length !== 3) return false;
  const base = `${parts[0]}.${parts[1]}`;
  if (writesToPath(ctx.model, path, at, loop).length === 0) return false;
  let cls: ts.Node | undefined = at.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return false;
  // Every assignment of the base field copies another field's object (no fresh object anywhere).
  const sources: ts.Node[] = [];
  let fresh = false;
  walk(cls, (n) => {
    if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken || accessPath(n.left) !== base) return;
    const src = accessPath(n.right);
    if (src && src.startsWith('this.') && src !== base) sources.push(n);
    // The constructor's first value is not a reset: after the first reset the alias is in place.
    // `setState(s) { this.state = s }` restores a caller's object: neither a reset nor fresh.
    else if (!ts.isConstructorDeclaration(functionOrConstructor(n)) && !ts.isIdentifier(unwrap(n.right))) fresh = true;
  });
  if (fresh || sources.length === 0) return false;
  const key = `alias:${base}`;
  if (reported.has(key)) return true;
  reported.add(key);
  const first = sources[0] as ts.BinaryExpression;
  const data = { name: path, base, alias: nodeText(ctx, first.right) };
  ctx.report({ node: at, messageId: 'aliasLeak', data, related: sources.map((n) => ({ node: n, messageId: 'aliasHere', data })) });
  return true;
}

/**
 * Every call of the method in the file is on a fresh object (`new Encoder().encode(s)`, or an
 * object made in the same loop iteration) or continues a stream chunk by chunk: no leak.
 */
function freshOrStreamingUses(ctx: RuleContext, method: string): boolean {
  const { model } = ctx;
  const sites = model.callsNamed([method]).filter((c) => calleeName(c) === method && calleeReceiver(c) && unwrap(calleeReceiver(c)!).kind !== ts.SyntaxKind.ThisKeyword);
  if (sites.length === 0) return false;
  return sites.every((c) => {
    const its = ctx.model.iterationsAround(c);
    if (its.some((it) => loopRole(it) === 'chunks')) return true;
    const recv = unwrap(calleeReceiver(c)!);
    if (ts.isNewExpression(recv)) return true;
    if (!ts.isIdentifier(recv)) return false;
    const b = model.scopes.resolve(recv);
    const init = b && initializerOf(b);
    const fresh = init && ts.isNewExpression(unwrap(init));
    // Made once and used in a loop over sequences: that object carries state across them.
    return !!fresh && (its.length === 0 || isWithin(declarationOf(b!), its[0]!.node));
  });
}

/** Does some other method/function reset the state (assign it something not computed from a step)? */
function resetElsewhere(ctx: RuleContext, path: string, at: ts.Expression, fn: ts.Node, isModuleVar: boolean, advancer?: ts.Node): boolean {
  const { model } = ctx;
  const scope = isModuleVar ? ctx.sf : (() => { let c: ts.Node | undefined = fn.parent; while (c && !ts.isClassLike(c)) c = c.parent; return c; })();
  if (!scope) return true;
  // The method that advances the state (`step`, called by `fn`'s loop) does not reset it.
  const writes = writesToPath(model, path, at, scope).filter((w) => !isWithin(w, fn) && !(advancer && isWithin(w, advancer)));
  return writes.some((w) => {
    const owner = functionOrConstructor(w);
    // A constructor or field initialiser sets the first state; that alone is not a per-sequence reset.
    if (ts.isConstructorDeclaration(owner)) return false;
    // Nor does a method only the constructor calls (`this.loadWeights().then(...)`).
    return !(ts.isMethodDeclaration(owner) && calledOnlyByConstructor(ctx, owner));
  }) || (!isModuleVar && thisFieldName(unwrap(at)) !== undefined && hasResetMethodCall(fn));
}

/** `let h = tf.zeros([1, units])` in a factory or module: the value to reset `h` to at the start of `fn`. */
function variableInitialiser(ctx: RuleContext, id: ts.Identifier, fn: ts.Node): { value: ts.Expression; at: ts.Node } | undefined {
  const b = ctx.model.scopes.resolve(id);
  const decl = b && declarationOf(b);
  const init = b && initializerOf(b);
  const list = decl?.parent;
  const mutable = !!list && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) === 0;
  if (!decl || !init || !mutable || unwrap(init).kind === ts.SyntaxKind.NullKeyword) return undefined;
  return portableTo(ctx, init, fn) ? { value: init, at: decl } : undefined;
}

function functionOrConstructor(n: ts.Node): ts.Node {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isConstructorDeclaration(p) || ts.isPropertyDeclaration(p)) return p;
    if (enclosingFunction(n) === p) return p;
  }
  return n.getSourceFile();
}

/** The method itself calls `this.reset...()` / `this.init...State()`. */
function hasResetMethodCall(fn: ts.Node): boolean {
  let found = false;
  walk(fn, (n) => {
    if (ts.isCallExpression(n) && /^(reset|init|clear|zero)/i.test(calleeName(n) ?? '')) found = true;
  });
  return found;
}
