import ts from 'typescript';
import { defineRule, nodeText, insertAt, eol, type FixDescriptor, type RuleContext } from './rule';
import { bodyInsertion, isChunkLoop, isSequenceLoop, writesToPath, ownerOf, isFanoutLoop } from '../server/src/analysis/loop-queries';
import { enclosingIterations, type Iteration } from '../server/src/analysis/calls';
import { calleeName, calleeReceiver, accessPath, unwrap, walk, enclosingFunction, functionName, thisFieldName, isAssignmentOperator } from '../server/src/analysis/ast';
import { declarationOf, initializerOf } from '../server/src/analysis/scopes';
import { MODEL_RUN_METHODS, MODEL_TRAIN_METHODS, RECURRENT_LAYER_FACTORIES, STREAMING_FUNCTION_NAME } from '../server/src/analysis/tfjs-facts';

const inside = (n: ts.Node, outer: ts.Node): boolean => n.pos >= outer.pos && n.end <= outer.end;

export default defineRule({
  id: 'state-leak',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    fix: 'suggestion',
    docs: { description: 'State carried from one sequence into the next without a reset' },
    messages: {
      leak: '`{{name}}` carries over from one sequence to the next: it is initialised once, outside the loop over `{{outer}}`, and never reset.',
      statefulLeak: '`{{model}}` has a stateful recurrent layer and runs in a loop over {{what}} without `resetStates()`: each {{unit}} starts from the previous one\'s state.',
      fieldLeak: '`{{name}}` is advanced by `{{method}}` for a whole sequence but never reset first: the next call continues from the previous sequence\'s state.',
      resetInit: 'Reset `{{name}}` at the start of each sequence',
      insertReset: 'Call `{{model}}.resetStates()` at the start of each iteration',
      initialised: '`{{name}}` is initialised here, once',
      statefulHere: 'the stateful layer is declared here',
    },
  },
  check(ctx) {
    nestedLoopLeaks(ctx);
    statefulLayerLeaks(ctx);
    perSequenceMethodLeaks(ctx);
  },
});

/** `let h = zeros; for (seq of seqs) for (t ...) h = step(x, h)` with no reset in the outer loop. */
function nestedLoopLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const reported = new Set<ts.Node>();
  for (const call of model.stepCalls) {
    if (call.iterations.length < 2) continue;
    const [inner, outer] = call.iterations as [Iteration, Iteration];
    if (isChunkLoop(outer) || isFanoutLoop(outer) || isFanoutLoop(inner)) continue;
    for (const arg of call.stateArgs) {
      if (!arg.path || arg.path.includes('.') || !ts.isIdentifier(arg.expr)) continue;
      const b = model.scopes.resolve(arg.expr);
      if (!b) continue;
      const decl = declarationOf(b);
      if (inside(decl, outer.node)) continue;
      const writes = model.scopes.writes(b, outer.node);
      if (!writes.some((w) => inside(w, inner.node))) continue; // not carried: stale-state's business
      if (writes.some((w) => !inside(w, inner.node))) continue; // reset in the outer loop
      if (reported.has(b)) continue;
      reported.add(b);
      const init = initializerOf(b);
      const declList = decl.parent;
      const mutable = ts.isVariableDeclarationList(declList) && (declList.flags & ts.NodeFlags.Const) === 0;
      const at = bodyInsertion(ctx.text, outer);
      const data = { name: b.text, outer: outerLabel(ctx, outer) };
      const suggest: FixDescriptor[] = [];
      if (init && mutable && at && isPure(init)) {
        suggest.push({ messageId: 'resetInit', data, edits: [insertAt(at.pos, `${at.indent}${b.text} = ${nodeText(ctx, init)};${eol(ctx)}`)] });
      }
      ctx.report({ node: arg.expr, messageId: 'leak', data, suggest, related: [{ node: decl, messageId: 'initialised', data }] });
    }
  }
}

/** An initialiser that can be repeated (no side effects worth worrying about: constructors, literals). */
function isPure(e: ts.Expression): boolean {
  let ok = true;
  walk(e, (n) => {
    if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      if (!name || !/^(zeros|ones|zerosLike|onesLike|fill|tensor\d?d?|scalar|randomNormal|randomUniform|truncatedNormal|clone|getInitialState|initState|initialState|initHidden|initHiddenState|zeroState|getZeroState|resetState)$/i.test(name)) ok = false;
    } else if (ts.isNewExpression(n) || ts.isAwaitExpression(n) || (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind))) ok = false;
  });
  return ok;
}

function outerLabel(ctx: RuleContext, it: Iteration): string {
  const n = it.node;
  if (ts.isForOfStatement(n) || ts.isForInStatement(n)) return nodeText(ctx, n.expression);
  if (ts.isCallExpression(n)) { const r = calleeReceiver(n); if (r) return nodeText(ctx, r); }
  return it.names.find((x) => x.length > 1) ?? it.names[0] ?? 'the sequences';
}

/** Models and layers built with `stateful: true`, by access path, with their declaration. */
function statefulModels(ctx: RuleContext): Map<string, ts.Node> {
  const { model } = ctx;
  const out = new Map<string, ts.Node>();
  const stateful: ts.CallExpression[] = [];
  for (const call of model.calls) {
    const f = model.tf.layerFactory(call);
    if (!f || !RECURRENT_LAYER_FACTORIES.has(f)) continue;
    const cfg = call.arguments[0] && unwrap(call.arguments[0]);
    if (!cfg || !ts.isObjectLiteralExpression(cfg)) continue;
    if (cfg.properties.some((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'stateful' && p.initializer.kind === ts.SyntaxKind.TrueKeyword)) stateful.push(call);
  }
  const ownerPath = (n: ts.Node): string | undefined => {
    // The variable or field a value is stored in: `const m = ...`, `this.m = ...`.
    let p: ts.Node = n;
    while (p.parent && (ts.isParenthesizedExpression(p.parent) || ts.isAsExpression(p.parent) || ts.isAwaitExpression(p.parent))) p = p.parent;
    const parent = p.parent;
    if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    if (parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return accessPath(parent.left);
    if (parent && ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return `this.${parent.name.text}`;
    return undefined;
  };
  for (const layer of stateful) {
    const layerPath = ownerPath(layer);
    if (layerPath) out.set(layerPath, layer);
    // The model that contains it: tf.sequential({layers: [...]}) or m.add(layer) or tf.model(...) nearby.
    for (let p: ts.Node | undefined = layer.parent; p; p = p.parent) {
      if (ts.isCallExpression(p)) {
        const fn = model.tf.fn(p);
        if (fn === 'sequential' || fn === 'model') { const mp = ownerPath(p); if (mp) out.set(mp, layer); break; }
        if (calleeName(p) === 'add' && calleeReceiver(p)) { const mp = accessPath(calleeReceiver(p)!); if (mp) out.set(mp, layer); break; }
      }
      if (ts.isStatement(p)) break;
    }
    if (layerPath) {
      for (const call of model.calls) {
        const r = calleeReceiver(call);
        if (r && calleeName(call) === 'add' && call.arguments[0] && accessPath(call.arguments[0]) === layerPath) { const mp = accessPath(r); if (mp) out.set(mp, layer); }
        const fn = model.tf.fn(call);
        if ((fn === 'sequential' || fn === 'model') && nodeText(ctx, call).includes(layerPath)) { const mp = ownerPath(call); if (mp) out.set(mp, layer); }
      }
    }
  }
  return out;
}

function statefulLayerLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  if (!ctx.text.includes('stateful')) return;
  const models = statefulModels(ctx);
  if (models.size === 0) return;
  const reported = new Set<ts.Node>();
  for (const call of model.calls) {
    const method = calleeName(call);
    const recv = calleeReceiver(call);
    if (!method || !recv || !MODEL_RUN_METHODS.has(method)) continue;
    const path = accessPath(recv);
    const decl = path ? models.get(path) : undefined;
    if (!decl || !path) continue;
    const its = enclosingIterations(call);
    if (its.length === 0) continue;
    const training = MODEL_TRAIN_METHODS.has(method);
    // The loop whose iterations are separate sequences: a training loop, one named for
    // sequences/epochs/batches, or a loop around the loop that feeds steps one at a time.
    const seqLoop = its.find((it, i) => (i === 0 && training) || isSequenceLoop(it) || i > 0);
    if (!seqLoop || isChunkLoop(seqLoop) || reported.has(seqLoop.node)) continue;
    let resets = false;
    walk(seqLoop.node, (n) => { if (ts.isCallExpression(n) && calleeName(n) === 'resetStates') resets = true; });
    if (resets) continue;
    reported.add(seqLoop.node);
    const seqIsEpoch = seqLoop.names.some((n) => /epoch/i.test(n));
    const data = { model: path, what: seqIsEpoch ? 'epochs' : training ? 'batches' : 'sequences', unit: seqIsEpoch ? 'epoch' : training ? 'batch' : 'sequence' };
    const at = bodyInsertion(ctx.text, seqLoop);
    const suggest: FixDescriptor[] = at ? [{ messageId: 'insertReset', data, edits: [insertAt(at.pos, `${at.indent}${path}.resetStates();${eol(ctx)}`)] }] : [];
    ctx.report({ node: call, messageId: 'statefulLeak', data, suggest, related: [{ node: decl, messageId: 'statefulHere', data }] });
  }
}

/** A method that runs a whole sequence and advances `this.h` (or a module variable) without a reset. */
function perSequenceMethodLeaks(ctx: RuleContext): void {
  const { model } = ctx;
  const reported = new Set<string>();
  for (const call of model.stepCalls) {
    if (call.iterations.length === 0) continue;
    const outermost = call.iterations[call.iterations.length - 1]!;
    const fn = enclosingFunction(outermost.node);
    if (!fn || !fn.body) continue;
    const fnName = functionName(fn) ?? '';
    if (STREAMING_FUNCTION_NAME.test(fnName) || ts.isConstructorDeclaration(fn)) continue;
    if (call.iterations.some((it) => isChunkLoop(it) || isFanoutLoop(it))) continue;
    for (const arg of call.stateArgs) {
      if (!arg.path) continue;
      const isField = arg.path.startsWith('this.') && arg.path.split('.').length === 2;
      let isModuleVar = false;
      if (!isField) {
        if (!ts.isIdentifier(arg.expr)) continue;
        const b = model.scopes.resolve(arg.expr);
        if (!b || inside(declarationOf(b), fn)) continue;
        isModuleVar = true;
      }
      const writesInFn = writesToPath(model, arg.path, arg.expr, fn);
      if (!writesInFn.some((w) => inside(w, outermost.node))) continue; // not advanced here
      if (writesInFn.some((w) => !inside(w, outermost.node))) continue; // reset in the method
      if (resetElsewhere(ctx, arg.path, arg.expr, fn, isModuleVar)) continue;
      const key = `${fn.pos}:${arg.path}`;
      if (reported.has(key)) continue;
      reported.add(key);
      ctx.report({ node: arg.expr, messageId: 'fieldLeak', data: { name: arg.path, method: fnName || 'this function' } });
    }
  }
}

/** Does some other method/function reset the state (assign it something not computed from a step)? */
function resetElsewhere(ctx: RuleContext, path: string, at: ts.Expression, fn: ts.Node, isModuleVar: boolean): boolean {
  const { model } = ctx;
  const scope = isModuleVar ? ctx.sf : (() => { let c: ts.Node | undefined = fn.parent; while (c && !ts.isClassLike(c)) c = c.parent; return c; })();
  if (!scope) return true;
  const writes = writesToPath(model, path, at, scope).filter((w) => !inside(w, fn));
  return writes.some((w) => {
    const owner = ownerOf(w);
    // A constructor or field initialiser sets the first state; that alone is not a per-sequence reset.
    if (ts.isConstructorDeclaration(owner)) return false;
    return true;
  }) || (!isModuleVar && thisFieldName(unwrap(at)) !== undefined && hasResetMethodCall(ctx, fn));
}

/** The method itself calls `this.reset...()` / `this.init...State()`. */
function hasResetMethodCall(ctx: RuleContext, fn: ts.Node): boolean {
  let found = false;
  walk(fn, (n) => {
    if (ts.isCallExpression(n) && /^(reset|init|clear|zero)/i.test(calleeName(n) ?? '')) found = true;
  });
  void ctx;
  return found;
}
