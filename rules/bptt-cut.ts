import ts from '../server/src/typescript';
import { defineRule, nodeText, replaceNode, type RuleContext } from './rule';
import { calleeName, calleeReceiver, accessPath, functionName, outermost, returnedExpressions, thisFieldName, unwrap, walk, isFunctionLike, iteratingCallback, enclosingFunction, type FunctionLike, isWithin, declaredMemberName } from '../server/src/analysis/ast';
import { enclosingClassOfThis, thisHolders } from '../server/src/analysis/class-hierarchy';
import { finalReturn, iterationOf, resolveCallee, type StepCall } from '../server/src/analysis/calls';
import { inlineRecurrences, writesToPath } from '../server/src/analysis/loop-queries';
import { initialValueOf, initializerOf, isPropertyName } from '../server/src/analysis/scopes';
import { FROM_VALUE_CONSTRUCTORS, READBACK_METHODS, TRANSPARENT_OPS, isStateLikeName, RECURRENT_LAYER_FACTORIES } from '../server/src/analysis/tfjs-facts';
import type { ClosureCall } from '../server/src/analysis/model';
import { nodesInside } from '../server/src/analysis/tree-index';
import { recursiveUnroll } from '../server/src/analysis/recursion';


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
  },
});

/** A state carried across the iterations of a loop: by a step call, or inline (`h = tf.tanh(... h ...)`). */
interface Carried { binding: ts.Identifier; loop: ts.Node }

function carriedStates(ctx: RuleContext): Carried[] {
  const { model } = ctx;
  const out: Carried[] = [];
  for (const call of model.stepCalls) {
    const loop = call.iterations[0];
    if (!loop) continue;
    for (const arg of call.stateArgs) {
      if (!arg.path || !ts.isIdentifier(arg.expr)) continue;
      const b = model.scopes.resolve(arg.expr);
      if (b && model.scopes.writes(b, loop.node).length > 0) out.push({ binding: b, loop: loop.node });
    }
  }
  // Inline recurrences: `h = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)))` in a loop.
  for (const r of inlineRecurrences(model)) out.push({ binding: r.binding, loop: r.loop.node });
  return out;
}

/** Arrays the loop pushes the state into (`states.push(h)`): reading them reads the state. */
function containersOf(ctx: RuleContext, c: Carried): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  walk(c.loop, (n) => {
    if (!ts.isCallExpression(n) || calleeName(n) !== 'push' || !n.arguments.some((a) => { const u = unwrap(a); return ts.isIdentifier(u) && ctx.model.scopes.refersTo(u, c.binding); })) return;
    const r = calleeReceiver(n);
    const base = r && unwrap(r);
    const b = base && ts.isIdentifier(base) ? ctx.model.scopes.resolve(base) : undefined;
    if (b) out.push(b);
  });
  return out;
}

/**
 * Names given to the carried state right after its loop, in the statements that follow it in the
 * same block (`for (...) h = step(x, h); const summary = h;`): the closure reading `summary` reads
 * the unrolled state. (Looking only there keeps this to a few statements per loop.)
 */
function withAliases(ctx: RuleContext, bindings: ts.Identifier[], loop: ts.Node): ts.Identifier[] {
  const block = loop.parent;
  if (!ts.isBlock(block) && !ts.isSourceFile(block)) return bindings;
  const out = [...bindings];
  for (const st of block.statements.slice(block.statements.indexOf(loop as ts.Statement) + 1)) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (ts.isIdentifier(d.name) && init && ts.isIdentifier(init) && bindings.some((b) => ctx.model.scopes.refersTo(init, b))) out.push(d.name);
    }
  }
  return out;
}

/** Does the closure unroll its own loop (truncated BPTT from a carried state)? */
function closureUnrolls(carried: Carried[], g: ClosureCall): boolean {
  return carried.some((c) => isWithin(c.loop, g.fn));
}

function unrolledOutside(ctx: RuleContext, closures: ClosureCall[]): void {
  const { model } = ctx;
  const reported = new Set<string>();
  const carried = carriedStates(ctx);
  // A closure that unrolls steps itself continues from a carried state on purpose (truncated
  // BPTT); one that runs a single step from it trains the last step only. Decided once per closure.
  const unrolling = new Set(closures.filter((g) => closureUnrolls(carried, g)));
  for (const c of carried) {
    if (closures.some((g) => isWithin(c.loop, g.fn))) continue;
    const bindings = withAliases(ctx, [c.binding, ...containersOf(ctx, c)], c.loop);
    // Only closures inside the scope that declares a binding can read it.
    const scopes = bindings.map((b) => enclosingFunction(b) ?? b.getSourceFile());
    for (const g of closures) {
      if (g.call.pos < c.loop.end || unrolling.has(g)) continue;
      for (const [i, b] of bindings.entries()) {
        if (!isWithin(g.call, scopes[i]!)) continue;
        const read = model.scopes.firstReference(b, g.fn);
        if (!read) continue;
        const key = `${b.pos}:${g.call.pos}`;
        if (reported.has(key)) continue;
        reported.add(key);
        ctx.report({
          node: read, messageId: 'unrolledOutside', data: { name: b.text, closure: closureLabel(ctx, g) },
          related: [{ node: c.loop, messageId: 'loopHere' }],
        });
        break;
      }
    }
  }
}

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
    const e = unwrap(n.expression);
    // `return [y, h]`, `return { output, hidden: h }`: each part.
    const parts: ts.Expression[] = ts.isArrayLiteralExpression(e) ? [...e.elements]
      : ts.isObjectLiteralExpression(e) ? e.properties.flatMap((p) => ts.isShorthandPropertyAssignment(p) ? [p.name] : ts.isPropertyAssignment(p) ? [p.initializer] : [])
      : [e];
    for (const p of parts) {
      const u = unwrap(p);
      // `return tf.concat(states, 0)` / `tf.stack(states)`: the collected states, as one tensor.
      const joined = ts.isCallExpression(u) && /^(concat|stack)$/.test(model.tf.fn(u) ?? '') && u.arguments[0] ? u.arguments[0] : p;
      const path = accessPath(reshapedFrom(ctx, joined) ?? joined);
      if (path) returned.add(path);
    }
  });
  for (const call of model.stepCalls) {
    const loop = call.iterations[0];
    if (!loop || !isWithin(call.call, fn) || !isWithin(loop.node, fn)) continue;
    const state = loopCarriedArgs(ctx, call, loop.node);
    if (state.some((b) => returned.has(b.text)) || returnsStateOf(ctx, returned, state, loop.node)) return loop.node;
  }
  // An inline recurrence (`const hNew = tf.tanh(... h ...); h = hNew`) returning the state, or a
  // value the loop computes from it at every step (`prob = tf.sigmoid(hNew)`).
  for (const r of inlineRecurrences(model)) {
    if (!isWithin(r.assign, fn) || !isWithin(r.loop.node, fn)) continue;
    if (returned.has(r.read.text)) return r.loop.node;
    // The state and the loop's local that carries its new value (`hNew`).
    const via = unwrap(r.assign.right);
    const state = [r.binding, ...(ts.isIdentifier(via) ? [model.scopes.resolve(via)] : [])].filter((b) => b !== undefined);
    if (returnsStateOf(ctx, returned, state, r.loop.node)) return r.loop.node;
  }
  return undefined;
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
 * The names a step call in `loop` carries from step to step: its state arguments the loop writes,
 * and, for a callee whose states are not known (`cell.step(x, s)` on a parameter typed by an
 * interface), the arguments the loop writes from the call's result (`const [y, next] = ...; s = next`).
 */
function loopCarriedArgs(ctx: RuleContext, call: StepCall, loop: ts.Node): ts.Identifier[] {
  const { model } = ctx;
  const out: ts.Identifier[] = [];
  const written = (b: ts.Identifier) => model.scopes.writes(b, loop);
  for (const a of call.stateArgs) {
    if (!a.path || !ts.isIdentifier(a.expr)) continue;
    const b = model.scopes.resolve(a.expr) ?? a.expr;
    if (written(b).length > 0) out.push(b);
  }
  if (out.length > 0 || call.step) return out;
  const results = new Set(call.targets.map((t) => t.path).filter((p): p is string => !!p));
  for (const arg of call.call.arguments.slice(1)) {
    const u = unwrap(arg);
    const b = ts.isIdentifier(u) ? model.scopes.resolve(u) : undefined;
    if (!b || isWithin(b, loop)) continue;
    const fedBack = written(b).some((w) => {
      if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
      const right = unwrap(w.right);
      return right === call.call || (ts.isIdentifier(right) && results.has(right.text));
    });
    if (fedBack || results.has(b.text)) out.push(b);
  }
  return out;
}

/**
 * Does a helper return (a path of `returned`) a name declared outside `loop` that holds the loop's
 * state: written from it (`last = h`), or an array the loop pushes it into (`states.push(h)`)?
 */
function returnsStateOf(ctx: RuleContext, returned: ReadonlySet<string>, state: readonly ts.Identifier[], loop: ts.Node): boolean {
  const { model } = ctx;
  if (state.length === 0) return false;
  const holdsState = (n: ts.Node): boolean => state.some((s) => model.scopes.firstReference(s, n) !== undefined);
  for (const path of returned) {
    if (path.includes('.')) continue;
    const b = model.scopes.lookup(path, loop);
    if (!b || isWithin(b, loop)) continue;
    if (model.scopes.writes(b, loop).some(holdsState)) return true;
    // `states.push(h)`: the returned array collects the state of every step.
    const pushes = nodesInside(model.callsNamed(['push']), loop).filter((c) => {
      const recv = calleeReceiver(c);
      return !!recv && ts.isIdentifier(unwrap(recv)) && model.scopes.refersTo(unwrap(recv) as ts.Identifier, b);
    });
    if (pushes.some((c) => c.arguments.some(holdsState))) return true;
  }
  return false;
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
  return !!result && nodesInside(ctx.model.callsNamed(['matMul', 'dot']), result).some((m) => {
    const operands = [...m.arguments, ...(ctx.model.tf.fn(m) ? [] : [calleeReceiver(m)])];
    return operands.some((o) => o !== undefined && ts.isIdentifier(unwrap(o)) && ctx.model.scopes.refersTo(unwrap(o) as ts.Identifier, acc));
  });
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
function unrolledByHelper(ctx: RuleContext, closures: ClosureCall[]): void {
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
      const raw = unwrapOpt(declared ?? element);
      // `const hT = tf.tidy(() => encode(xs))`: what the tidy returns.
      const tidied = raw && ts.isCallExpression(raw) ? model.tidyResult(raw) ?? raw : raw;
      // `tf.concat(samples.map((s) => encode(s.xs)), 0)`: the states the callback returns, joined.
      const joined = tidied && ts.isCallExpression(tidied) ? joinedMapResult(ctx, tidied) : undefined;
      const e = joined ?? tidied;
      if ((element || joined) && (unrolls ??= closureUnrolls(carried, g))) return;
      if (!e || !ts.isCallExpression(e) || isWithin(e, g.fn)) return;
      // `const hT = xs.reduce((h, x) => step(x, h), h0)`: the fold is the unroll.
      if (isFoldUnroll(ctx, e)) {
        const data = { name: b.text, closure: closureLabel(ctx, g) };
        ctx.report({ node: n, messageId: 'unrolledOutside', data, related: [{ node: e, messageId: 'loopHere' }] });
        return;
      }
      const helper = resolveCallee(e, model.scopes, model.classes);
      if (!helper || model.stepOf(helper)) return;
      if (!cache.has(helper)) cache.set(helper, unrollingLoop(ctx, helper) ?? recursiveUnroll(model, helper) ?? returnedRecursion(ctx, helper) ?? returnedFold(ctx, helper));
      const loop = cache.get(helper);
      if (!loop) return;
      const data = { name: b.text, closure: closureLabel(ctx, g), helper: nodeText(ctx, unwrap(e.expression)) };
      ctx.report({ node: n, messageId: 'unrolledByHelper', data, related: [{ node: loop, messageId: 'loopHere' }] });
    });
  }
}

function unwrapOpt(e: ts.Expression | undefined): ts.Expression | undefined {
  return e && unwrap(e);
}

/** `tf.concat(xs.map((x) => encode(x)), 0)` / `tf.stack(...)`: the call the map's callback returns. */
function joinedMapResult(ctx: RuleContext, call: ts.CallExpression): ts.CallExpression | undefined {
  if (!/^(concat|stack)$/.test(ctx.model.tf.fn(call) ?? '') || !call.arguments[0]) return undefined;
  const arr = unwrap(call.arguments[0]);
  const cb = ts.isCallExpression(arr) && calleeName(arr) === 'map' ? iteratingCallback(arr) : undefined;
  const r = cb && finalReturn(cb);
  return r && ts.isCallExpression(r) ? r : undefined;
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

/** Array methods whose result is a JS copy of the values they are given (`from` takes them as argument). */
const JS_COPY_METHODS = new Set(['map', 'slice', 'filter', 'flat', 'from']);

/** For a JS copy (`rows.map(f)`, `Array.from(rows, f)`): the values it copies (`rows`). */
function jsCopySource(e: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(e) || !JS_COPY_METHODS.has(calleeName(e) ?? '')) return undefined;
  const recv = calleeReceiver(e);
  return recv && !isArrayConstructor(recv) ? recv : e.arguments[0];
}

/** For a call of a function of the file that returns a JS copy of its parameter `i` (`rows.map(f)`, `Array.from(rows)`): argument `i`. */
function copyingHelperArgument(ctx: RuleContext, call: ts.CallExpression): ts.Expression | undefined {
  const fn = ctx.model.index.callableNames.has(calleeName(call) ?? '') ? resolveCallee(call, ctx.model.scopes, ctx.model.classes) : undefined;
  const returns = fn && returnedExpressions(fn);
  if (!fn || !returns || returns.length === 0) return undefined;
  let index = -1;
  for (const r of returns) {
    const src = jsCopySource(unwrap(r));
    const id = src && unwrap(src);
    const param = id && ts.isIdentifier(id) ? ctx.model.scopes.resolve(id)?.parent : undefined;
    const k = param && ts.isParameter(param) && param.parent === fn ? fn.parameters.indexOf(param) : -1;
    if (k < 0 || (index >= 0 && k !== index)) return undefined;
    index = k;
  }
  return call.arguments[index];
}

/** `Array`, `Float32Array`, ...: the receiver of `X.from(values)`. */
function isArrayConstructor(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isIdentifier(u) && /^(Array|(Float|Int|Uint)(8|16|32|64)(Clamped)?Array|BigInt64Array|BigUint64Array)$/.test(u.text);
}

/** A read-back found behind a rebuilt tensor; `field` when it was stored in an array field of the object first. */
type ReadBack = { tensor: ts.Expression; method: string; inline: boolean; field?: string };

/**
 * Variables followed from a rebuilt tensor back to its read-back (`const raw = h.dataSync()`, a
 * copy of a copy). A bound, not a guess at how deep copies go: variables that fill each other
 * (`a = b; b = a`, `a[i] = b[i]; b[i] = a[i]`) would otherwise recurse without end.
 */
const MAX_COPY_HOPS = 4;

/** The tensor read back by `h.arraySync()` / `await h.data()`, inline or through a const. */
function readBackSource(ctx: RuleContext, e: ts.Expression, hops = MAX_COPY_HOPS): ReadBack | undefined {
  let u = unwrap(e);
  if (ts.isAwaitExpression(u)) u = unwrap(u.expression);
  // `Array.isArray(s) ? s : s.arraySync()`: a tensor given here is read back (never a fix).
  if (ts.isConditionalExpression(u)) {
    const branch = readBackSource(ctx, u.whenTrue, hops) ?? readBackSource(ctx, u.whenFalse, hops);
    return branch && { ...branch, inline: false };
  }
  // `[row]` of copies (`tf.tensor2d([rows[rows.length - 1]])`): every element is one.
  if (ts.isArrayLiteralExpression(u) && u.elements.length > 0 && hops > 0) {
    const parts = u.elements.map((el) => (ts.isSpreadElement(el) ? undefined : readBackSource(ctx, el, hops - 1)));
    return parts.every((x) => x !== undefined) ? { ...parts[0]!, inline: false } : undefined;
  }
  // `h.arraySync()[0]`: a part of a copy is a copy.
  if (ts.isElementAccessExpression(u) && ts.isCallExpression(unwrap(u.expression)) && hops > 0) {
    const whole = readBackSource(ctx, u.expression, hops - 1);
    if (whole) return { ...whole, inline: false };
  }
  if (ts.isCallExpression(u)) {
    const m = calleeName(u);
    const r = calleeReceiver(u);
    if (m && r && READBACK_METHODS.has(m) && u.arguments.length === 0) return { tensor: r, method: m, inline: true };
    // The read-back values transformed in JS (`h.dataSync().map(clip)`, `Array.from(data, f)`) are
    // still a copy: no gradient flows back through them (and dropping the round-trip would change
    // the values, so never a fix).
    const copied = jsCopySource(u);
    // `finite(h.arraySync())` with `const finite = (rows) => rows.map(...)`: a helper of the file
    // that returns a JS copy of one of its parameters copies what it is given.
    const viaHelper = copied ? undefined : copyingHelperArgument(ctx, u);
    const inner = copied ? readBackSource(ctx, copied, hops) : viaHelper && hops > 0 ? readBackSource(ctx, viaHelper, hops - 1) : undefined;
    if (inner) return { ...inner, inline: false };
    // `trace.at(-1)` is an element read, checked below.
    if (calleeName(u) !== 'at') return undefined;
  }
  // `this.past[this.past.length - 1]`: an element of an array field that only read-backs fill; or
  // a member of one (`last.h` with `const last = this.entries[...]`, entries pushed as `{ t, h: h.arraySync() }`).
  const element = hops > 0 ? fieldElementRead(ctx, u) : undefined;
  if (element) {
    const src = readBackFilledArray(ctx, element.list, element.key, hops - 1, element.member);
    return src ? { ...src, inline: false, field: element.list.label(element.key) } : undefined;
  }
  if (ts.isIdentifier(u) && hops > 0) {
    // A JS copy: every value the variable ever holds (initialiser and assignments) is a read-back.
    const b = ctx.model.scopes.resolve(u);
    if (!b) return undefined;
    const init = initializerOf(b);
    // `const out = new Float32Array(n)` filled element by element; or only a start value,
    // replaced whole (`hData = hNext.dataSync()`, in a tidy callback), checked below.
    const isNew = !!init && ts.isNewExpression(unwrap(init));
    const filled = isNew ? filledFromReadBack(ctx, b, hops - 1) : undefined;
    if (filled) return filled;
    // `const rows = []; ...; rows.push(h.arraySync()[0])`: an array only read-backs fill.
    const home = arrayVariableHome(ctx, u);
    const pushed = home ? readBackFilledArray(ctx, home, u.text, hops - 1) : undefined;
    if (pushed) return { ...pushed, inline: false, field: u.text };
    const values: ts.Expression[] = [];
    for (const w of ctx.model.scopes.writes(b, b.getSourceFile())) {
      if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(unwrap(w.left))) return undefined;
      values.push(w.right);
    }
    // The initialiser may be a plain JS start value (`[[0, 0]]`) when the assignments are read-backs.
    const sources = values.map((v) => readBackSource(ctx, v, hops - 1));
    if (sources.some((x) => x === undefined)) return undefined;
    const first = sources[0] ?? (init && !isNew ? readBackSource(ctx, init, hops - 1) : undefined);
    return first ? { ...first, inline: false } : undefined;
  }
  return undefined;
}

/**
 * Where arrays of states may be kept: the fields of a class (`this.past`), or the variables of a
 * scope (a module's `let hiddenHistory = []`). `refersTo(e, key)` says whether `e` is the array
 * named `key` there; the search for what fills it walks `root`.
 */
interface ArrayHome {
  root: ts.Node;
  refersTo(e: ts.Expression, key: string): boolean;
  label(key: string): string;
}

/**
 * `this.f[i]`, `this.f.at(-1)`, or a member of one (`this.f[i].h`, `last.h` with `const last =
 * this.f[i]`): the array read and the member, when `u` reads an element of an array field, or of
 * an array variable of the module or function (`hiddenHistory[t - 1]`).
 */
function fieldElementRead(ctx: RuleContext, u: ts.Expression): { list: ArrayHome; key: string; member?: string } | undefined {
  let e = u;
  let member: string | undefined;
  if (ts.isPropertyAccessExpression(e)) {
    member = e.name.text;
    e = unwrap(e.expression);
    if (ts.isIdentifier(e)) { const init = initialValueOf(ctx.model.scopes, e); if (!init) return undefined; e = unwrap(init); }
  }
  if (!ts.isElementAccessExpression(e) && !(ts.isCallExpression(e) && calleeName(e) === 'at')) return undefined;
  const arr = ts.isElementAccessExpression(e) ? e.expression : calleeReceiver(e);
  if (!arr) return undefined;
  const field = thisFieldName(unwrap(arr));
  const cls = field !== undefined ? enclosingClassOfThis(u) : undefined;
  if (cls && field !== undefined) {
    return { list: { root: cls, refersTo: (x, key) => thisFieldName(unwrap(x)) === key, label: (key) => `this.${key}` }, key: field, member };
  }
  const id = unwrap(arr);
  const list = ts.isIdentifier(id) ? arrayVariableHome(ctx, id) : undefined;
  return list && ts.isIdentifier(id) ? { list, key: id.text, member } : undefined;
}

/**
 * An array variable declared empty (`let hiddenHistory: number[][][] = []`, a module's or a
 * function's): what fills it are its pushes, searched in its scope.
 */
function arrayVariableHome(ctx: RuleContext, id: ts.Identifier): ArrayHome | undefined {
  const b = ctx.model.scopes.resolve(id);
  if (!b) return undefined;
  const init = initializerOf(b);
  if (init && !(ts.isArrayLiteralExpression(unwrap(init)) && (unwrap(init) as ts.ArrayLiteralExpression).elements.length === 0)) return undefined;
  const scope = enclosingFunction(b) ?? b.getSourceFile();
  const refersTo = (x: ts.Expression, key: string): boolean => {
    const v = unwrap(x);
    if (!ts.isIdentifier(v) || v.text !== key) return false;
    const vb = ctx.model.scopes.resolve(v);
    return !!vb && (enclosingFunction(vb) ?? vb.getSourceFile()) === scope;
  };
  return { root: scope, refersTo, label: (key) => key };
}

/**
 * An array (a field of a class, or a variable) whose elements all come from read-backs: every value pushed into it
 * (`this.past.push(h.arraySync())`) is one, or an element taken from another such field
 * (`this.past.push(this.future.pop()!)`, directly or through a const: an undo/redo pair), and it
 * is only ever assigned an empty array. With `member`, entries are objects and their
 * `member` is what counts (`{ t, h: h.arraySync() }`). The first read-back found, or undefined.
 */
function readBackFilledArray(ctx: RuleContext, list: ArrayHome, key: string, hops: number, member?: string): ReadBack | undefined {
  const filled = new Map<string, ReadBack | null>();
  // Arrays being checked count as filled by read-backs: a cycle of moves brings nothing else in.
  const check = (f: string): boolean => {
    if (filled.has(f)) return true;
    filled.set(f, null);
    let ok = true;
    walk(list.root, (n) => {
      if (!ok) return false;
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && list.refersTo(n.left, f)) {
        const right = unwrap(n.right);
        if (!ts.isArrayLiteralExpression(right) || right.elements.length > 0) ok = false;
        return;
      }
      if (!ts.isCallExpression(n) || !/^(push|unshift)$/.test(calleeName(n) ?? '')) return;
      const recv = calleeReceiver(n);
      if (!recv || !list.refersTo(recv, f)) return;
      for (const a of n.arguments) {
        // An entry object (`{ t, h: h.arraySync() }`): the member read back later is what counts.
        const lit = member !== undefined ? unwrap(a) : undefined;
        if (lit && ts.isObjectLiteralExpression(lit)) {
          const p = lit.properties.find((q) => q.name && ts.isIdentifier(q.name) && q.name.text === member);
          const src = p && ts.isPropertyAssignment(p) ? readBackSource(ctx, p.initializer, hops) : undefined;
          if (!src) { ok = false; return false; }
          if (!filled.get(f)) filled.set(f, src);
          continue;
        }
        const direct = readBackSource(ctx, a, hops);
        if (direct) { if (!filled.get(f)) filled.set(f, direct); continue; }
        // An element moved from another field (`this.future.pop()`), inline or through a const.
        let v = unwrap(a);
        if (ts.isIdentifier(v)) { const init = initialValueOf(ctx.model.scopes, v); v = init ? unwrap(init) : v; }
        const from = ts.isCallExpression(v) && /^(pop|shift|at)$/.test(calleeName(v) ?? '') ? calleeReceiver(v) : undefined;
        const fromNode = from && unwrap(from);
        const other = fromNode && (ts.isIdentifier(fromNode) ? fromNode.text : thisFieldName(fromNode));
        if (other === undefined || !list.refersTo(fromNode!, other) || !check(other)) { ok = false; return false; }
      }
      return undefined;
    });
    return ok;
  };
  if (!check(key)) return undefined;
  return [...filled.values()].find((r): r is ReadBack => !!r);
}

/**
 * `const out = new Float32Array(n); for (...) out[i] = clip(raw[i])` with `raw = h.dataSync()`: an
 * array filled element by element from a read-back (through consts, to a small depth) is a copy.
 */
function filledFromReadBack(ctx: RuleContext, b: ts.Identifier, hops: number): ReadBack | undefined {
  const owner = enclosingFunction(b) ?? b.getSourceFile();
  const fromReadBack = (e: ts.Node, depth: number): ReadBack | undefined => {
    let found: ReadBack | undefined;
    walk(e, (n) => {
      if (found) return false;
      if (ts.isCallExpression(n)) found = readBackSource(ctx, n, hops);
      else if (ts.isIdentifier(n) && !isPropertyName(n) && depth > 0) {
        const v = ctx.model.scopes.resolve(n);
        const init = v && v !== b ? initializerOf(v) : undefined;
        if (init) found = readBackSource(ctx, n, hops) ?? fromReadBack(init, depth - 1);
      }
      return found ? false : undefined;
    });
    return found;
  };
  for (const w of nodesInside(ctx.model.index.writes, owner)) {
    if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = unwrap(w.left);
    if (!ts.isElementAccessExpression(left) || !ts.isIdentifier(unwrap(left.expression)) || ctx.model.scopes.resolve(unwrap(left.expression) as ts.Identifier) !== b) continue;
    const src = fromReadBack(w.right, 2);
    if (src) return { ...src, inline: false };
  }
  return undefined;
}

/** Is this tensor a recurrent state: a step's result carried in a variable, or named like one? */
function isStateTensor(ctx: RuleContext, tensor: ts.Expression, rebuilt: ts.Node): boolean {
  const path = accessPath(tensor);
  if (!path) return false;
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
function storedAsState(ctx: RuleContext, v: ts.Node): boolean {
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
 * The closure and the functions of this file it calls, to a small depth (`() =>
 * this.reconstructionLoss(w)` runs the method's body on the tape too).
 */
function tapedBodies(ctx: RuleContext, g: ClosureCall, depth = 2): FunctionLike[] {
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

function readBackRebuilt(ctx: RuleContext, closures: ClosureCall[]): void {
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
        // the next chunk (truncated BPTT on purpose). A helper without a loop runs per step.
        const inLoopOf = (fn: ts.Node): boolean => ctx.model.iterationsAround(n).some((it) => isWithin(it.node, fn));
        const perStep = body === g.fn ? inLoopOf(g.fn) : inLoopOf(body) || nodesInside(ctx.model.index.loops, body).length === 0;
        const state = perStep ? assignedStateVariable(ctx, n, body) : undefined;
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
      if (!arg || !accessPath(arg) || !isStateTensor(ctx, arg, outermost(n))) return;
      const data = { helper: functionName(helper) ?? 'the helper', name: nodeText(ctx, arg), readback: `${src.method}()`, closure: closureLabel(ctx, g) };
      ctx.report({ node: n, messageId: 'readBackHelper', data, related: [{ node: rebuilt, messageId: 'rebuiltHere', data }] });
    });
  }
}

/**
 * `const r = this.step(p, state); state = r.state;` in a loop on the tape, where `step` returns its new
 * state as a read-back (`{ out, state: hNext.dataSync() }`): the state the loop carries is JS numbers,
 * so every step starts from a constant. Reported at the step call.
 */
function readBackByStep(ctx: RuleContext, closures: ClosureCall[]): void {
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

/** The part of a returned expression at a result position: the element `[y, h]`[1], the member `{ state: s }`.state. */
function partAt(e: ts.Expression, position: number | string): ts.Expression | undefined {
  const u = unwrap(e);
  if (position === 'all') return u;
  if (typeof position === 'number') return ts.isArrayLiteralExpression(u) && !u.elements.some(ts.isSpreadElement) ? u.elements[position] : undefined;
  if (!ts.isObjectLiteralExpression(u)) return undefined;
  for (const p of u.properties) {
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === position) return p.name;
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === position) return p.initializer;
  }
  return undefined;
}

/** Where a gradient call takes its list of variables to train. */
const VAR_LIST_INDEX = new Map([['variableGrads', 1], ['minimize', 2], ['computeGradients', 1]]);
/** Members that list a LayersModel's (or layer's) weights. */
const WEIGHT_LISTS = new Set(['trainableWeights', 'trainableVariables', 'weights', 'getWeights']);
/** Calls that run a whole model forward. */
const FORWARD_RUNS = new Set(['predict', 'predictOnBatch', 'apply', 'execute']);

/**
 * `const state = encoder.predict(xs); tf.variableGrads(() => loss(head.apply(state)),
 * [...encoder.trainableWeights, ...head.trainableWeights])`: a model with a recurrent layer runs
 * forward outside the closure, while its weights are listed to be trained by it. Only with that
 * list written out: a model run outside the tape on purpose (a frozen encoder) is not trained.
 */
function recurrentModelRunOutside(ctx: RuleContext, closures: ClosureCall[]): void {
  const { model } = ctx;
  for (const g of closures) {
    const index = VAR_LIST_INDEX.get(calleeName(g.call) ?? '');
    const list = index !== undefined ? g.call.arguments[index] : undefined;
    if (!list) continue;
    const owner = enclosingFunction(g.call) ?? ctx.sf;
    for (const [path, listedAt] of listedModels(ctx, list)) {
      for (const run of model.callsNamed([...FORWARD_RUNS])) {
        const recv = calleeReceiver(run);
        if (!recv || accessPath(recv) !== path || !FORWARD_RUNS.has(calleeName(run) ?? '') || run.pos > g.call.pos || !isWithin(run, owner) || isWithin(run, g.fn)) continue;
        const target = model.resultTargetsOf(run).find((t) => ts.isIdentifier(t.node));
        const b = target && model.scopes.resolve(target.node as ts.Identifier);
        if (!b || !model.scopes.firstReference(b, g.fn) || !hasRecurrentLayer(ctx, recv)) continue;
        const data = { model: path, closure: closureLabel(ctx, g), name: b.text };
        ctx.report({ node: run, messageId: 'modelRunOutside', data, related: [{ node: listedAt, messageId: 'trainedHere', data }] });
      }
    }
  }
}

/**
 * The models whose weights a variable list names (`encoder.trainableWeights`): directly, in a
 * const it was built in (`const vars = encoder.trainableWeights.map(...)`), or in a function of
 * the file it calls.
 */
function listedModels(ctx: RuleContext, list: ts.Expression): Map<string, ts.Node> {
  const out = new Map<string, ts.Node>();
  const u = unwrap(list);
  const built = ts.isIdentifier(u) ? initialValueOf(ctx.model.scopes, u) : undefined;
  const visit = (root: ts.Node, hops: number): void => walk(root, (n) => {
    if ((ts.isPropertyAccessExpression(n) && WEIGHT_LISTS.has(n.name.text))) {
      const path = accessPath(n.expression);
      if (path && !out.has(path)) out.set(path, n);
    }
    if (ts.isCallExpression(n) && hops > 0) {
      const f = resolveCallee(n, ctx.model.scopes, ctx.model.classes);
      if (f?.body) visit(f.body, hops - 1);
    }
  });
  visit(built ?? list, 1);
  return out;
}

/** Is `recv` a model of the file built with a recurrent layer (`tf.model({ outputs })` whose outputs a `gru` made, a `sequential` it was added to)? */
function hasRecurrentLayer(ctx: RuleContext, recv: ts.Expression): boolean {
  const { model } = ctx;
  const id = unwrap(recv);
  const b = ts.isIdentifier(id) ? model.scopes.resolve(id) : undefined;
  if (!b) return false;
  const recurrent = (n: ts.Node): boolean => ts.isCallExpression(n) && RECURRENT_LAYER_FACTORIES.has(model.tf.layerFactory(n) ?? '');
  // What the model is built from, a few names deep: `tf.model({ outputs: encoded })` with
  // `encoded = tf.layers.gru(...).apply(seqIn)`.
  const seen = new Set<ts.Node>();
  const builtFrom = (root: ts.Node, depth: number): boolean => {
    let found = false;
    walk(root, (n) => {
      if (found) return false;
      if (recurrent(n)) { found = true; return false; }
      if (ts.isIdentifier(n) && depth > 0 && !isPropertyName(n)) {
        const v = model.scopes.resolve(n);
        const init = v && !seen.has(v) ? initializerOf(v) : undefined;
        if (v) seen.add(v);
        if (init && builtFrom(init, depth - 1)) found = true;
      }
      return undefined;
    });
    return found;
  };
  const init = initializerOf(b);
  if (init && builtFrom(init, 3)) return true;
  // `const m = tf.sequential(); m.add(tf.layers.lstm(...))`.
  return model.callsNamed(['add']).some((c) => { const r = calleeReceiver(c); return !!r && ts.isIdentifier(unwrap(r)) && model.scopes.resolve(unwrap(r) as ts.Identifier) === b && c.arguments.some((a) => builtFrom(a, 1)); });
}
