// The steps run before the gradient closure starts recording: a loop unrolled outside the closure
// whose state the closure reads, and a recurrent model run outside the closure that trains its weights.

import ts from '../../server/src/typescript';
import type { RuleContext } from '../rule';
import { calleeName, calleeReceiver, accessPath, unwrap, walk, enclosingFunction, isWithin } from '../../server/src/analysis/ast';
import { resolveCallee } from '../../server/src/analysis/calls';
import { initialValueOf, initializerOf, isPropertyName } from '../../server/src/analysis/scopes';
import { RECURRENT_LAYER_FACTORIES } from '../../server/src/analysis/tfjs-facts';
import type { ClosureCall } from '../../server/src/analysis/model';
import { closureLabel, closureVarList, type Carried, carriedStates, closureUnrolls } from './shared';

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

export function unrolledOutside(ctx: RuleContext, closures: ClosureCall[]): void {
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
export function recurrentModelRunOutside(ctx: RuleContext, closures: ClosureCall[]): void {
  const { model } = ctx;
  for (const g of closures) {
    const list = closureVarList(g);
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
