// State kept outside the function that runs a whole sequence, read as the run's first state and given
// the run's final state back, so that each call starts where the previous one ended. The state is
// an object's field:
//   encode(ids) { let h = this.context; for (const id of ids) h = this.encoder.step(x(id), h); return h; }
//   handle(req) { let h = this.encode(ids); ...; this.context = h; }
// or a variable of a factory (or of the module) that the functions it makes share:
//   let hidden = tf.zeros([1, units]);
//   const stepAll = (frames) => { let h = hidden; for (const row of tf.unstack(frames)) h = tf.tanh(...h...); return h; };
//   return { classify(recording) { const last = stepAll(tf.tensor2d(recording)); hidden = last; ... } };
// Whether that leaks depends on what one call is given: a request, or a whole recording or batch of
// sequences (each call is a new sequence), or the next chunk of one stream (carried on purpose).
import ts from '../typescript';
import { classFamily } from './class-hierarchy';
import { calleeName, calleeReceiver, enclosingFunction, functionName, isFunctionLike, isWithin, thisFieldName, thisOwner, unwrap, type FunctionLike } from './ast';
import { lastFileMemo, type Iteration } from './calls';
import { inlineRecurrences, iteratedParameter, writesToPath } from './loop-queries';
import type { FileModel } from './model';
import { declarationOf, initializerOf, type Binding } from './scopes';
import { CHUNK_LOOP_TOKENS, INDEPENDENT_UNIT_TOKENS, PASS_THROUGH_CALLS, STREAMING_FUNCTION_NAME, STREAM_STEP_TOKENS, WHOLE_SEQUENCE_TOKENS, hasToken } from './tfjs-facts';

export interface SeededRun {
  /** `this.context` or `hidden`, read as the first state of the run. */
  seed: ts.Expression;
  /** How the kept state is written: `this.context`, `hidden`. */
  path: string;
  /** For a factory's or module's variable, its binding; undefined for a field. */
  variable?: Binding;
  /** The function that stores the run's final state back (the run itself, or one that calls it), and the store. */
  method: FunctionLike;
  store: ts.BinaryExpression;
}

interface KeptState { path: string; variable?: Binding }

export const seededRuns = lastFileMemo((model: FileModel): SeededRun[] => {
  const out: SeededRun[] = [];
  const seen = new Set<ts.Node>();
  for (const { carrier, loop } of carriedLocals(model)) {
    const init = initializerOf(carrier);
    const seed = init && keptStateRead(init);
    const run = seed && !seen.has(seed) ? model.ownerThroughTidy(loop.node) : undefined;
    const kept = seed && run && keptState(model, seed, run);
    if (!seed || !run || !kept || !carriedFromSeed(model, carrier, loop)) continue;
    const found = storeBack(model, kept, run, carrier, seed);
    if (!found || !oneSequencePerCall(model, found.method, run, loop)) continue;
    seen.add(seed);
    out.push({ seed, path: kept.path, variable: kept.variable, ...found });
  }
  return out;
});

/**
 * The locals a time loop carries from step to step, with the outermost loop around the step: a step
 * call's state argument (`h = this.cell.step(x, h)`) or the variable of a recurrence written inline
 * (`h = tf.tanh(x.matMul(W).add(h.matMul(U)))`).
 */
function carriedLocals(model: FileModel): { carrier: Binding; loop: Iteration }[] {
  const out: { carrier: Binding; loop: Iteration }[] = [];
  for (const c of model.stepCalls) {
    const loop = c.iterations[c.iterations.length - 1];
    if (!loop) continue;
    for (const a of c.stateArgs) {
      const e = unwrap(a.expr);
      const b = ts.isIdentifier(e) ? model.scopes.resolve(e) : undefined;
      if (b) out.push({ carrier: b, loop });
    }
  }
  for (const r of inlineRecurrences(model)) {
    const its = model.iterationsAround(r.assign);
    out.push({ carrier: r.binding, loop: its[its.length - 1] ?? r.loop });
  }
  return out;
}

/**
 * What a carried local starts from, when it is state kept between calls: `this.context`, `hidden`,
 * also `this.state ?? this.zeroState(n)` (the kept state, or a fresh one the first time: that
 * fallback is the first state, not a reset).
 */
function keptStateRead(init: ts.Expression): ts.Expression | undefined {
  const e = unwrap(init);
  const fallback = ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken);
  return fallback ? unwrap(e.left) : e;
}

/**
 * The loop advances the local, which still holds the seed when the loop starts: a write between the
 * two (`if (fresh) h = tf.zeros(...)`) replaces the kept state with another.
 */
function carriedFromSeed(model: FileModel, carrier: Binding, loop: Iteration): boolean {
  const writes = model.scopes.writes(carrier, enclosingFunction(carrier) ?? model.sf);
  return writes.some((w) => isWithin(w, loop.node)) && !writes.some((w) => w.pos < loop.node.pos);
}

/**
 * The state the seed reads, when it outlives the call: a field of the object, or a `let`/`var` of an
 * enclosing function or of the module (a parameter or a `const` cannot be given the final state back).
 */
function keptState(model: FileModel, seed: ts.Expression, run: FunctionLike): KeptState | undefined {
  const field = thisFieldName(seed);
  if (field !== undefined) return { path: `this.${field}` };
  if (!ts.isIdentifier(seed)) return undefined;
  const variable = model.scopes.resolve(seed);
  const decl = variable && declarationOf(variable);
  if (!variable || !decl || !ts.isVariableDeclaration(decl) || isWithin(decl, run)) return undefined;
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) === 0 ? { path: variable.text, variable } : undefined;
}

/**
 * The one function, besides a constructor, that writes the kept state: the run itself or a function
 * that calls it, storing after the run a state it carries (the run's variable, the run's result, or
 * a state it passes to a step), with no write before the run (that would be a reset).
 */
function storeBack(model: FileModel, kept: KeptState, run: FunctionLike, carrier: Binding, seed: ts.Expression):
    { method: FunctionLike; store: ts.BinaryExpression } | undefined {
  const writes = keptStateWrites(model, kept, seed);
  if (!writes) return undefined;
  const writers = new Set(writes.map((w) => writerOf(model, kept, w)));
  for (const w of writers) if (w && ts.isConstructorDeclaration(w)) writers.delete(w);
  const method = writers.size === 1 ? [...writers][0] : undefined;
  // A write outside any function we can name (module code, an accessor) may be a reset.
  if (!method || !isFunctionLike(method)) return undefined;
  // Where the run happens in `method`: the loop itself, or the call of the run.
  const runAt = method === run ? run : model.callSitesOf(run).find((call) => isWithin(call, method) && callsOnSameObject(kept, call));
  if (!runAt) return undefined;
  const inMethod = writes.filter((w) => isWithin(w, method));
  // A write before the run (before the seed is read, or before the call of the run) resets the state.
  if (inMethod.some((w) => w.pos < (method === run ? seed.pos : runAt.pos))) return undefined;
  const store = inMethod[inMethod.length - 1];
  if (!store || !ts.isBinaryExpression(store) || store.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  if (method !== run && store.pos < runAt.end) return undefined;
  // Stored once per call: a store in a loop of the method (`for (const doc of docs) hidden = runDoc(doc)`)
  // carries the state across that loop's sequences, where the nested-loop checks look and the reset belongs.
  if (model.iterationsAround(store).length > 0) return undefined;
  return storesRunState(model, store, runAt, carrier, method) ? { method, store } : undefined;
}

/**
 * Every write of the kept state: a variable's anywhere in the scope that declares it; a field's in
 * its class and in the classes that extend it or that it extends (a subclass's `reset()` resets it too).
 */
function keptStateWrites(model: FileModel, kept: KeptState, seed: ts.Expression): ts.Node[] | undefined {
  if (kept.variable) return writesToPath(model, kept.path, seed, enclosingFunction(declarationOf(kept.variable)) ?? model.sf);
  // The class whose method's `this` the seed reads (not a class around an object literal's method).
  const owner = thisOwner((seed as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  const cls = owner && ts.isClassLike(owner.parent) ? owner.parent : undefined;
  if (!cls) return undefined;
  return classFamily(cls, model.classes).flatMap((c) => writesToPath(model, kept.path, seed, c)).sort((a, b) => a.pos - b.pos);
}

/**
 * The function a write of the kept state belongs to: for a field, the class member it is written in
 * (a method, the constructor; an arrow-function property or an accessor is a member of its own);
 * for a variable, the function around it (through `tf.tidy` callbacks; a listener's callback is a
 * function of its own). Undefined for module-level code.
 */
function writerOf(model: FileModel, kept: KeptState, w: ts.Node): ts.Node | undefined {
  if (kept.variable) return model.ownerThroughTidy(w);
  for (let p: ts.Node | undefined = w.parent; p; p = p.parent) if (p.parent && ts.isClassLike(p.parent)) return p;
  return undefined;
}

/** A call of the run that works on the same kept state: any call for a variable, `this.encode(...)` for a field. */
function callsOnSameObject(kept: KeptState, call: ts.CallExpression): boolean {
  if (kept.variable) return true;
  const r = calleeReceiver(call);
  return !!r && unwrap(r).kind === ts.SyntaxKind.ThisKeyword;
}

/** Is the stored value the state the run ends with: the run's own variable, the run's result, or a state the method steps on from it? */
function storesRunState(model: FileModel, store: ts.BinaryExpression, runAt: ts.Node, carrier: Binding, method: FunctionLike): boolean {
  const value = passedThrough(store.right);
  const vb = ts.isIdentifier(value) ? model.scopes.resolve(value) : undefined;
  if (!vb) return false;
  if (vb === carrier) return true;
  // `const h = this.encode(ids)`, or destructured out of a tidy around the call (`const { probs, last } = tf.tidy(...)`).
  const decl = declarationOf(vb);
  const init = ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
  if (init && isWithin(runAt, init)) return true;
  return model.stepCalls.some((s) => isWithin(s.call, method) && s.stateArgs.some((x) => ts.isIdentifier(unwrap(x.expr)) && model.scopes.resolve(unwrap(x.expr) as ts.Identifier) === vb));
}

/** The value `e` hands on: `tf.keep(h)`, `tf.clone(h)` and `h.clone()` are `h`. */
function passedThrough(e: ts.Expression): ts.Expression {
  const u = unwrap(e);
  if (!ts.isCallExpression(u) || !PASS_THROUGH_CALLS.has(calleeName(u) ?? '')) return u;
  const inner = u.arguments.length === 1 ? u.arguments[0] : u.arguments.length === 0 ? calleeReceiver(u) : undefined;
  return inner ? unwrap(inner) : u;
}

/**
 * Is each call of `method` a sequence of its own? When it serves independent units (`handle(req:
 * ChatRequest)`, `onRequest(...)`, `replyToUser(userId, text)`: the next call is another user's), or
 * when it is named for a whole sequence (`classify(recording)`, `scoreBatch(x)`) and the run's loop
 * walks every step of what the run is given (its parameter, not a count: a generator sampling `n`
 * steps may continue its text on purpose). Never when it is named for the next piece of one stream
 * (`feed`, `push`, `onFrame`, `classifyChunk(chunk)`, `scorePacket`): carrying state across those
 * calls is the point.
 */
function oneSequencePerCall(model: FileModel, method: FunctionLike, run: FunctionLike, loop: Iteration): boolean {
  const names = declaredNames(method);
  if (names.some((n) => hasToken(n, INDEPENDENT_UNIT_TOKENS))) return true;
  if (namedForStream(method, names)) return false;
  return names.some((n) => hasToken(n, WHOLE_SEQUENCE_TOKENS)) && iteratedParameter(model, run, loop) >= 0;
}

/** A streaming name (`feed`, `push`, `onFrame`), or a name of a chunk or a step of a stream (`chunk`, `window`, `packet`, `frame`, `tick`). */
function namedForStream(method: FunctionLike, names: readonly string[]): boolean {
  return STREAMING_FUNCTION_NAME.test(functionName(method) ?? '') || names.some((n) => hasToken(n, CHUNK_LOOP_TOKENS) || hasToken(n, STREAM_STEP_TOKENS));
}

/** The function's name, its parameters' names, and the names of their declared types (`req: ChatRequest`). */
function declaredNames(fn: FunctionLike): string[] {
  const names = [functionName(fn) ?? ''];
  for (const p of fn.parameters) {
    if (ts.isIdentifier(p.name)) names.push(p.name.text);
    if (p.type && ts.isTypeReferenceNode(p.type) && ts.isIdentifier(p.type.typeName)) names.push(p.type.typeName.text);
  }
  return names;
}
