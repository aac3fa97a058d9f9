// A state the closure reads that was unrolled before it by a helper: a function of the file that loops
// over steps, recurses or folds (`reduce`), reached directly, through a tidy, a joined map, a dataset or a promise.

import ts from '../../server/src/typescript';
import { nodeText, type RuleContext } from '../rule';
import { accessBase, calleeName, elementArrayName, calleeReceiver, accessPath, unwrap, walk, isFunctionLike, iteratingCallback, type FunctionLike, isWithin, enclosingFunction } from '../../server/src/analysis/ast';
import { finalReturn, iterationOf, referencedFunction, resolveCallee } from '../../server/src/analysis/calls';
import { inlineRecurrences } from '../../server/src/analysis/loop-queries';
import { declarationOf, initialValueOf, initializerOf, isPropertyName } from '../../server/src/analysis/scopes';
import { TRANSPARENT_OPS } from '../../server/src/analysis/tfjs-facts';
import type { ClosureCall } from '../../server/src/analysis/model';
import { nodesInside } from '../../server/src/analysis/tree-index';
import { recursiveUnroll } from '../../server/src/analysis/recursion';
import { closureLabel, closureVarList, carriedStates, closureUnrolls, loopCarriedArgs, multipliesByWeight, partAt } from './shared';

/**
 * The loop of a helper that unrolls steps and returns the carried state
 * (`function encode(xs) { let h = ...; for (...) h = step(x, h); return h; }`).
 */
function unrollingLoop(ctx: RuleContext, fn: FunctionLike): ts.Node | undefined {
  const { model } = ctx;
  const returned = new Set<string>();
  // `return tf.tidy(() => { ...; return h; })` returns what the tidy callback returns.
  const tidied = new Set<ts.Node>(model.tidyCalls().map((t) => t.fn));
  walk(fn, (n) => {
    if (n !== fn && isFunctionLike(n) && !iteratingCallbackOf(n) && !tidied.has(n)) return false;
    if (!ts.isReturnStatement(n) || !n.expression) return;
    // `return [y, h]`, `return { output, hidden: h }`, `return [out, [h, c]]`: each part.
    for (const p of returnedParts(n.expression, 2)) {
      const u = unwrap(p);
      // `return tf.concat(states, 0)` / `tf.stack(states)`: the collected states, as one tensor.
      const joined = ts.isCallExpression(u) && /^(concat|stack)$/.test(model.tf.fn(u) ?? '') && u.arguments[0] ? u.arguments[0] : p;
      const value = reshapedFrom(ctx, joined) ?? joined;
      // `return outs[outs.length - 1]`: an element of the array the loop collects the states in.
      const path = accessPath(value) ?? elementArrayName(value)?.text;
      if (path) returned.add(path);
      // `return state.h` with `state = this.cell(x, state)`: a member of the carried state object.
      const root = path?.split('.')[0];
      if (root && root !== path && root !== 'this') returned.add(root);
    }
  });
  for (const call of model.stepCalls) {
    const loop = call.iterations[0];
    if (!loop || !isWithin(call.call, fn) || !isWithin(loop.node, fn)) continue;
    const state = loopCarriedArgs(ctx, call, loop.node);
    if (state.some((b) => returned.has(b.text)) || returnsStateOf(ctx, fn, returned, state, loop.node)) return loop.node;
  }
  // An inline recurrence (`const hNew = tf.tanh(... h ...); h = hNew`) returning the state, or a
  // value the loop computes from it at every step (`prob = tf.sigmoid(hNew)`).
  for (const r of inlineRecurrences(model)) {
    if (!isWithin(r.assign, fn) || !isWithin(r.loop.node, fn)) continue;
    if (returned.has(r.read.text)) return r.loop.node;
    // The state and the loop's local that carries its new value (`hNew`).
    const via = unwrap(r.assign.right);
    const state = [r.binding, ...(ts.isIdentifier(via) ? [model.scopes.resolve(via)] : [])].filter((b) => b !== undefined);
    if (returnsStateOf(ctx, fn, returned, state, r.loop.node)) return r.loop.node;
  }
  return gatedUpdateLoop(ctx, fn, returned);
}

/** The parts of a returned value, through array and object literals `depth` deep (`[out, [h, c]]` -> out, h, c). */
function returnedParts(r: ts.Expression, depth: number): ts.Expression[] {
  const e = unwrap(r);
  const parts: ts.Expression[] | undefined = ts.isArrayLiteralExpression(e) ? e.elements.filter((x) => !ts.isSpreadElement(x))
    : ts.isObjectLiteralExpression(e) ? e.properties.flatMap((p) => ts.isShorthandPropertyAssignment(p) ? [p.name] : ts.isPropertyAssignment(p) ? [p.initializer] : [])
    : undefined;
  if (!parts) return [r];
  return depth > 1 ? parts.flatMap((p) => returnedParts(p, depth - 1)) : parts;
}

/** `h.reshape([n])`, `tf.squeeze(h)`: the tensor a value-preserving op is applied to (the same values). */
function reshapedFrom(ctx: RuleContext, e: ts.Expression): ts.Expression | undefined {
  const u = unwrap(e);
  if (!ts.isCallExpression(u)) return undefined;
  const fn = ctx.model.tf.fn(u);
  if (fn) return TRANSPARENT_OPS.has(fn) ? u.arguments[0] : undefined;
  const m = calleeName(u);
  const r = calleeReceiver(u);
  return m && r && TRANSPARENT_OPS.has(m) ? r : undefined;
}

/**
 * Does a helper `fn` return (a path of `returned`) a name declared outside `loop` that holds the
 * loop's state: written from it (`last = h`), or an array the loop pushes it into (`states.push(h)`),
 * also when the returned name takes that array after the loop (`layerInputs = outs` in a layer
 * stack that feeds each layer the outputs of the one below, then returns the top layer's)?
 */
function returnsStateOf(ctx: RuleContext, fn: FunctionLike, returned: ReadonlySet<string>, state: readonly ts.Identifier[], loop: ts.Node): boolean {
  const { model } = ctx;
  if (state.length === 0) return false;
  const holdsState = (n: ts.Node): boolean => state.some((s) => model.scopes.firstReference(s, n) !== undefined);
  for (const path of returned) {
    if (path.includes('.')) continue;
    const b = model.scopes.lookup(path, loop);
    if (!b || isWithin(b, loop)) continue;
    if (model.scopes.writes(b, loop).some(holdsState)) return true;
    // `states.push(h)`: the returned array collects the state of every step.
    for (const arr of [b, ...arraysAssignedTo(ctx, b, fn)]) {
      if (isWithin(arr, loop)) continue;
      const pushes = nodesInside(model.callsNamed(['push']), loop).filter((c) => {
        const recv = calleeReceiver(c);
        return !!recv && ts.isIdentifier(unwrap(recv)) && model.scopes.refersTo(unwrap(recv) as ts.Identifier, arr);
      });
      if (pushes.some((c) => c.arguments.some(holdsState))) return true;
    }
  }
  return false;
}

/** The arrays a name is set to by a plain `b = other` in `fn` (one hop): `layerInputs = outs`. */
function arraysAssignedTo(ctx: RuleContext, b: ts.Identifier, fn: FunctionLike): ts.Identifier[] {
  const { scopes } = ctx.model;
  const out: ts.Identifier[] = [];
  for (const w of scopes.writes(b, fn)) {
    const right = ts.isBinaryExpression(w) && w.operatorToken.kind === ts.SyntaxKind.EqualsToken ? unwrap(w.right) : undefined;
    const other = right && ts.isIdentifier(right) ? scopes.resolve(right) : undefined;
    if (other && other !== b) out.push(other);
  }
  return out;
}

/**
 * A frozen feature extractor: the closure's gradient call lists the variables it trains
 * (`tf.variableGrads(f, Object.values(headVars))`), and none of the weights the helper's loop
 * multiplies by (`cellVars.Wx`) is among them, nor under a listed object. Running the encoder
 * before the tape is then on purpose. Only when both sides can be named for sure: the list is
 * written out of module-level names (directly or in the const it was built in), and so are the
 * loop's weights; a list from a call (`model.variables()`), a field (`this.trainable`) or a
 * parameter may hold anything, and the helper is then taken as trained.
 */
function frozenByVarList(ctx: RuleContext, g: ClosureCall, helper: FunctionLike, loop: ts.Node): boolean {
  const list = closureVarList(g);
  const listed = list && listedModulePaths(ctx, list, 1);
  if (!listed) return false;
  const weights: string[] = [];
  for (const m of nodesInside(ctx.model.callsNamed(['matMul', 'dot']), loop)) {
    for (const o of [...m.arguments, calleeReceiver(m)]) {
      if (!o) continue;
      const root = rootIdentifier(unwrap(o));
      const b = root && ts.isIdentifier(root) ? ctx.model.scopes.resolve(root) : undefined;
      if (b && isWithin(b, helper)) continue; // the state, the input, a local
      const path = accessPath(unwrap(o));
      if (!path || !b || enclosingFunction(b)) return false; // `this.Wh`, a parameter of an outer function
      weights.push(path);
    }
  }
  return weights.length > 0 && !weights.some((w) => listed.some((p) => w === p || w.startsWith(`${p}.`)));
}

/**
 * A frozen encoder object: the helper is a method called on an object (`encoder.run(xs)`), and
 * either the closure's variable list is written out of module-level names, none of which is that
 * object, under it, or used by the method (`optimizer.minimize(f, true, [head.W, head.b])`), or
 * every `tf.variable` its class and the classes it builds create is made non-trainable
 * (`tf.variable(init, false)`): `minimize` without a list trains only trainable variables. Either
 * way the encoder is not trained, so running it before the tape is on purpose.
 */
function frozenEncoderObject(ctx: RuleContext, g: ClosureCall, call: ts.CallExpression, helper: FunctionLike): boolean {
  const receiver = calleeReceiver(call);
  const owner = receiver && accessPath(unwrap(receiver));
  if (!owner) return false;
  const list = closureVarList(g);
  const listed = list && listedModulePaths(ctx, list, 1);
  if (listed) {
    const underOwner = (p: string): boolean => p === owner || p.startsWith(`${owner}.`) || owner.startsWith(`${p}.`);
    const usedByHelper = (p: string): boolean => {
      const b = ctx.model.scopes.lookup(p.split('.')[0]!, list!);
      return !!b && ctx.model.scopes.firstReference(b, helper) !== undefined;
    };
    return !listed.some((p) => underOwner(p) || usedByHelper(p));
  }
  return !list && onlyNonTrainableVariables(ctx, helper);
}

/**
 * Does the class of method `helper`, with the classes it builds (`new GRUCell(...)`, followed
 * through the file's classes), create variables, all of them `tf.variable(init, false)`? A layer
 * or a variable whose flag is not the literal `false` may be trained, and answers no.
 */
function onlyNonTrainableVariables(ctx: RuleContext, helper: FunctionLike): boolean {
  const { model } = ctx;
  const first = helper.parent;
  if (!first || !ts.isClassLike(first)) return false;
  const classes: ts.ClassLikeDeclaration[] = [first];
  for (let i = 0; i < classes.length; i++) {
    walk(classes[i]!, (n) => {
      if (!ts.isNewExpression(n) || !ts.isIdentifier(n.expression)) return;
      const built = model.classes.get(n.expression.text);
      if (built && !classes.includes(built)) classes.push(built);
    });
  }
  const created = classes.flatMap((c) => nodesInside(model.callsNamed(['variable']), c).filter((v) => model.tf.fn(v) === 'variable'));
  const layers = classes.some((c) => nodesInside(model.index.calls, c).some((v) => model.tf.layerFactory(v) !== undefined));
  return created.length > 0 && !layers && created.every((v) => v.arguments[1]?.kind === ts.SyntaxKind.FalseKeyword);
}

/**
 * The module-level paths a variable list is written out of: `[a, b.W, ...Object.values(c)]`, or a
 * const it was built in (`hops` deep). Undefined when any part is something else.
 */
function listedModulePaths(ctx: RuleContext, list: ts.Expression, hops: number): string[] | undefined {
  const u = unwrap(list);
  if (ts.isArrayLiteralExpression(u)) {
    const parts = u.elements.map((e) => listedModulePaths(ctx, ts.isSpreadElement(e) ? e.expression : e, hops));
    return parts.every((p) => p !== undefined) ? parts.flat() as string[] : undefined;
  }
  if (ts.isCallExpression(u)) {
    const isObjectValues = ts.isPropertyAccessExpression(u.expression) && accessPath(u.expression) === 'Object.values' && u.arguments.length === 1;
    return isObjectValues ? listedModulePaths(ctx, u.arguments[0]!, 0) : undefined;
  }
  const root = rootIdentifier(u);
  const b = root && ts.isIdentifier(root) ? ctx.model.scopes.resolve(root) : undefined;
  const path = accessPath(u);
  if (!path || !b) return undefined;
  // `const vars = [...]` / `Object.values(...)` is the list itself; `const W = tf.variable(...)` is a leaf.
  const built = ts.isIdentifier(u) && hops > 0 ? initialValueOf(ctx.model.scopes, u) : undefined;
  const builtList = built && (ts.isArrayLiteralExpression(unwrap(built)) || (ts.isCallExpression(unwrap(built)) && !ctx.model.tf.fn(unwrap(built) as ts.CallExpression)));
  if (built && builtList) return listedModulePaths(ctx, built, hops - 1);
  return enclosingFunction(b) ? undefined : [path];
}

/** The name or `this` an access path starts from (`cellVars` in `cellVars.Wx`). */
function rootIdentifier(e: ts.Expression): ts.Node | undefined {
  const base = accessBase(e);
  return ts.isIdentifier(base) || base.kind === ts.SyntaxKind.ThisKeyword ? base : undefined;
}

/**
 * `xs.reduce((h, x) => step(x, h), h0)`, or a reducer that is the cell itself
 * (`(h, xt) => tf.tanh(xt.matMul(Wx).add(h.matMul(Wh)))`: the accumulator goes through a weight):
 * the fold is an unroll over steps.
 */
function isFoldUnroll(ctx: RuleContext, call: ts.CallExpression): boolean {
  const fold = iterationOf(call);
  const acc = fold?.accumulator;
  if (!fold || !acc || !fold.callback) return false;
  if (ctx.model.stepCalls.some((c) => isWithin(c.call, fold.body))) return true;
  const result = finalReturn(fold.callback);
  return !!result && multipliesByWeight(ctx, result, acc);
}

/**
 * `const cand = tf.tanh(x.matMul(Wx).add(h.matMul(Wh))); h = m.mul(cand).add(tf.sub(1, m).mul(h))`
 * (a masked update: the old state kept where the sequence has ended), or an LSTM written out
 * (`const gates = tf.matMul(h, U)...; const [i, f, g, o] = tf.split(gates, 4, 1); h =
 * tf.sigmoid(o).mul(tf.tanh(c))`), in a loop of `fn` that returns `h`: the new state is computed,
 * through locals of the same iteration, from the state multiplied by a weight, so the loop is an
 * unroll although the stored value is a method chain (not a tf call, which `inlineRecurrences` asks for).
 */
function gatedUpdateLoop(ctx: RuleContext, fn: FunctionLike, returned: ReadonlySet<string>): ts.Node | undefined {
  const { model } = ctx;
  for (const w of nodesInside(model.index.writes, fn)) {
    if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = unwrap(w.left);
    const b = ts.isIdentifier(target) && returned.has(target.text) ? model.scopes.resolve(target) : undefined;
    const loop = b && model.iterationsAround(w)[0];
    if (!b || !loop || isWithin(b, loop.node) || !isWithin(loop.node, fn)) continue;
    if (throughWeightInIteration(ctx, w.right, b, loop.node, 2)) return loop.node;
  }
  return undefined;
}

/** Does `e` multiply `state` by a weight, itself or through consts of the iteration of `loop` (`hops` deep, destructured ones too)? */
function throughWeightInIteration(ctx: RuleContext, e: ts.Node, state: ts.Identifier, loop: ts.Node, hops: number): boolean {
  if (multipliesByWeight(ctx, e, state)) return true;
  if (hops === 0) return false;
  let found = false;
  walk(e, (n) => {
    if (found || !ts.isIdentifier(n) || isPropertyName(n)) return;
    const local = ctx.model.scopes.resolve(n);
    const d = local && local !== state ? declarationOf(local) : undefined;
    if (d && ts.isVariableDeclaration(d) && d.initializer && ctx.model.iterationsAround(d)[0]?.node === loop &&
      throughWeightInIteration(ctx, d.initializer, state, loop, hops - 1)) found = true;
  });
  return found;
}

/** `const unroll = (xs) => tf.unstack(xs, 1).reduce((h, xt) => cell(xt, h), h0)`: a helper returning a fold over steps. */
function returnedFold(ctx: RuleContext, helper: FunctionLike): ts.Node | undefined {
  const r = finalReturn(helper);
  return r && ts.isCallExpression(r) && isFoldUnroll(ctx, r) ? r : undefined;
}

/** `function encode(read) { return unrollFrom(0, h0, xs); }`: a helper whose result is a recursive unroll's. */
function returnedRecursion(ctx: RuleContext, helper: FunctionLike): ts.Node | undefined {
  const r = finalReturn(helper);
  const callee = r && ts.isCallExpression(r) ? resolveCallee(r, ctx.model.scopes, ctx.model.classes) : undefined;
  return callee && callee !== helper ? recursiveUnroll(ctx.model, callee) : undefined;
}

function iteratingCallbackOf(n: ts.Node): boolean {
  return ts.isCallExpression(n.parent) && iteratingCallback(n.parent) === n;
}

/** `const hT = encode(xs); optimizer.minimize(() => loss(hT))` with `encode` unrolling the steps. */
export function unrolledByHelper(ctx: RuleContext, closures: ClosureCall[]): void {
  const { model } = ctx;
  const cache = new Map<ts.Node, ts.Node | undefined>();
  const carried = carriedStates(ctx);
  for (const g of closures) {
    const seen = new Set<ts.Node>();
    // Through a dataset or a joined map, only for a closure that runs no steps itself: one that
    // unrolls from the value (a burn-in prefix encoded by the pipeline) truncates on purpose.
    let unrolls: boolean | undefined;
    walk(g.fn, (n) => {
      if (!ts.isIdentifier(n) || isPropertyName(n)) return;
      const b = model.scopes.resolve(n);
      if (!b || seen.has(b) || isWithin(b, g.fn)) return;
      seen.add(b);
      // `const { output, hidden } = encode(xs)`: a part of the helper's result is its result too.
      // `ds.forEachAsync(({ h, y }) => ...)`: the member of the element the dataset's `map` returns.
      const declared = initializerOf(b) ?? destructuredFrom(b);
      // `.then(({ h }) => ...)`: the member the continuation before it returns.
      const element = declared ? undefined : datasetElementFrom(ctx, b) ?? promiseValueFrom(b);
      // `const features = await encoder.encode(xs)`: an async helper's result.
      const raw = awaitedValue(unwrapOpt(declared ?? element));
      // `const hT = tf.tidy(() => encode(xs))`: what the tidy returns.
      const tidied = raw && ts.isCallExpression(raw) ? model.tidyResult(raw) ?? raw : raw;
      // `tf.concat(samples.map((s) => encode(s.xs)), 0)`: the states the callback returns, joined.
      const joined = tidied && ts.isCallExpression(tidied) ? joinedMapResult(ctx, tidied) : undefined;
      // `tf.concat(batch.map(encode), 0)`: the same, with the helper given to `map` by name.
      const mappedByName = tidied && ts.isCallExpression(tidied) && !joined ? joinedMapByName(ctx, tidied) : undefined;
      const e = joined ?? tidied;
      if ((element || joined || mappedByName) && (unrolls ??= closureUnrolls(carried, g))) return;
      if (mappedByName && !isWithin(mappedByName, g.fn)) {
        const helper = referencedFunction(mappedByName, model.scopes);
        if (helper) reportUnrollingHelper(n, b, helper, mappedByName, undefined);
        return;
      }
      if (!e || !ts.isCallExpression(e) || isWithin(e, g.fn)) return;
      // `const hT = xs.reduce((h, x) => step(x, h), h0)`: the fold is the unroll.
      if (isFoldUnroll(ctx, e)) {
        const data = { name: b.text, closure: closureLabel(ctx, g) };
        ctx.report({ node: n, messageId: 'unrolledOutside', data, related: [{ node: e, messageId: 'loopHere' }] });
        return;
      }
      const helper = resolveCallee(e, model.scopes, model.classes);
      if (helper) reportUnrollingHelper(n, b, helper, e.expression, e);
    });
    /**
     * Reports `n` (a read of `b`) when `helper`, run before the closure by `call` (or handed to a
     * `map` by name, `callee`), unrolls the steps and is not a frozen encoder.
     */
    function reportUnrollingHelper(n: ts.Node, b: ts.Identifier, helper: FunctionLike, callee: ts.Expression, call: ts.CallExpression | undefined): void {
      if (model.stepOf(helper)) return;
      if (!cache.has(helper)) cache.set(helper, unrollingLoop(ctx, helper) ?? recursiveUnroll(model, helper) ?? returnedRecursion(ctx, helper) ?? returnedFold(ctx, helper));
      const loop = cache.get(helper);
      if (!loop || frozenByVarList(ctx, g, helper, loop) || (call && frozenEncoderObject(ctx, g, call, helper))) return;
      const data = { name: b.text, closure: closureLabel(ctx, g), helper: nodeText(ctx, unwrap(callee)) };
      ctx.report({ node: n, messageId: 'unrolledByHelper', data, related: [{ node: loop, messageId: 'loopHere' }] });
    }
  }
}

function unwrapOpt(e: ts.Expression | undefined): ts.Expression | undefined {
  return e && unwrap(e);
}

function awaitedValue(e: ts.Expression | undefined): ts.Expression | undefined {
  return e && ts.isAwaitExpression(e) ? unwrap(e.expression) : e;
}

/** `tf.concat(xs.map((x) => encode(x)), 0)` / `tf.stack(...)`: the call the map's callback returns. */
function joinedMapResult(ctx: RuleContext, call: ts.CallExpression): ts.CallExpression | undefined {
  if (!/^(concat|stack)$/.test(ctx.model.tf.fn(call) ?? '') || !call.arguments[0]) return undefined;
  const arr = unwrap(call.arguments[0]);
  const cb = ts.isCallExpression(arr) && calleeName(arr) === 'map' ? iteratingCallback(arr) : undefined;
  const r = cb && finalReturn(cb);
  return r && ts.isCallExpression(r) ? r : undefined;
}

/**
 * `tf.concat(batch.map(encode), 0)` / `tf.stack(...)`: the name of the function of the file given
 * to `map`, which then runs on every element before the join, as a callback calling it would.
 */
function joinedMapByName(ctx: RuleContext, call: ts.CallExpression): ts.Identifier | undefined {
  if (!/^(concat|stack)$/.test(ctx.model.tf.fn(call) ?? '') || !call.arguments[0]) return undefined;
  const arr = unwrap(call.arguments[0]);
  if (!ts.isCallExpression(arr) || calleeName(arr) !== 'map' || !calleeReceiver(arr) || !arr.arguments[0]) return undefined;
  const ref = unwrap(arr.arguments[0]);
  return ts.isIdentifier(ref) ? ref : undefined;
}

/** Dataset methods that hand on each element unchanged (as a batch, shuffled, ...). */
const DATASET_PASS_THROUGH = new Set(['batch', 'shuffle', 'prefetch', 'repeat', 'take', 'skip', 'filter']);

/**
 * `ds.forEachAsync(({ h, y }) => ...)` (or `(el) => ...`) where the dataset is made, through a
 * chain of `batch`/`shuffle`/... and the functions of the file that return it, by
 * `.map((w) => ({ h: encode(w.xs), y }))`: the member `h` of what the map's callback returns.
 */
function datasetElementFrom(ctx: RuleContext, b: ts.Identifier): ts.Expression | undefined {
  const { model } = ctx;
  const param = callbackValuePart(b, 'forEachAsync');
  if (!param) return undefined;
  const { each, key } = param;
  let ds = calleeReceiver(each);
  for (let hops = 0; ds && hops < 8; hops++) {
    const u: ts.Expression = unwrap(ds);
    if (ts.isIdentifier(u)) {
      const v = model.scopes.resolve(u);
      ds = v && initializerOf(v);
      continue;
    }
    if (!ts.isCallExpression(u)) return undefined;
    const m = calleeName(u);
    if (m === 'map' || m === 'mapAsync') {
      const mapper = u.arguments[0] && unwrap(u.arguments[0]);
      const f = mapper && (ts.isArrowFunction(mapper) || ts.isFunctionExpression(mapper)) ? mapper : undefined;
      const r = f && finalReturn(f);
      const part = r && partAt(ts.isAwaitExpression(r) ? r.expression : r, key);
      return part && ts.isCallExpression(unwrap(part)) ? part : undefined;
    }
    if (m && DATASET_PASS_THROUGH.has(m)) { ds = calleeReceiver(u); continue; }
    const f = resolveCallee(u, model.scopes, model.classes);
    ds = f && finalReturn(f);
  }
  return undefined;
}

/**
 * `b` as the first parameter of a callback given to `.method(cb)`, or a member of it (`({ h, y })
 * => ...`): that call, and which part of the value the callback receives `b` is ('all', or the key).
 */
function callbackValuePart(b: ts.Identifier, method: string): { each: ts.CallExpression; key: string } | undefined {
  let n: ts.Node = b.parent;
  let key = 'all';
  if (ts.isBindingElement(n) && ts.isObjectBindingPattern(n.parent) && !n.dotDotDotToken) {
    const name = n.propertyName ?? n.name;
    if (!ts.isIdentifier(name)) return undefined;
    key = name.text;
    n = n.parent.parent;
  }
  if (!ts.isParameter(n) || !isFunctionLike(n.parent) || n.parent.parameters[0] !== n) return undefined;
  const cb = n.parent;
  const each = cb.parent;
  return ts.isCallExpression(each) && calleeName(each) === method && each.arguments[0] === cb ? { each, key } : undefined;
}

/**
 * `load().then((batch) => ({ batch, h: encode(model, batch.tokens) })).then(({ batch, h }) => ...)`:
 * the value a continuation receives is what the one before it returns; for `h`, the call
 * `encode(...)` in that member.
 */
function promiseValueFrom(b: ts.Identifier): ts.Expression | undefined {
  const param = callbackValuePart(b, 'then');
  const prior = param && calleeReceiver(param.each) && unwrap(calleeReceiver(param.each)!);
  if (!param || !prior || !ts.isCallExpression(prior) || calleeName(prior) !== 'then') return undefined;
  const prev = prior.arguments[0] && unwrap(prior.arguments[0]);
  const r = prev && (ts.isArrowFunction(prev) || ts.isFunctionExpression(prev)) ? finalReturn(prev) : undefined;
  const part = r && partAt(ts.isAwaitExpression(r) ? r.expression : r, param.key);
  return part && ts.isCallExpression(unwrap(part)) ? part : undefined;
}

/** The initialiser a destructured name is taken from (`const { output } = run(xs)` -> `run(xs)`), not through a rest element. */
function destructuredFrom(b: ts.Identifier): ts.Expression | undefined {
  let n: ts.Node = b.parent;
  while (ts.isBindingElement(n) && !n.dotDotDotToken && (ts.isObjectBindingPattern(n.parent) || ts.isArrayBindingPattern(n.parent))) n = n.parent.parent;
  return n !== b.parent && ts.isVariableDeclaration(n) ? n.initializer : undefined;
}
