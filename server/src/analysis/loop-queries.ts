// Questions about state across iterations: does an argument change between iterations, is a
// variable reset per sequence, where does an iteration's body start.
import ts from '../typescript';
import { accessPath, calleeName, calleeReceiver, isFunctionLike, isWithin, returnedExpressions, unwrap, walk, enclosingFunction, memberName, boundIdentifiers, thisFieldName, isAssignmentTarget, isFixedElementOfName, type FunctionLike } from './ast';
import { accumulatorCarriers, collectNames, lastFileMemo, type Iteration, type StateArg, type StepCall } from './calls';
import { nodesInside } from './tree-index';
import type { FileModel } from './model';
import { declarationOf, initializerOf, isPropertyName, type Binding } from './scopes';
import { analyzeStep } from './dataflow';
import { enclosingClassOfThis, fieldDeclaration, prototypeClassOf } from './class-hierarchy';
import { isStateLikeName, CHUNK_LOOP_TOKENS, FANOUT_LOOP_TOKENS, FANOUT_PREFIX_TOKENS, FROM_VALUE_CONSTRUCTORS, SEQUENCE_LOOP_TOKENS, SINGLE_SEQUENCE_TOKENS, STEP_COUNT_TOKENS, STEP_UNIT_TOKENS, TENSOR_CONSTRUCTORS, WHOLE_SEQUENCE_TOKENS, hasToken, nameTokens } from './tfjs-facts';

export function namesHave(it: Iteration, set: Set<string>): boolean {
  return it.names.some((n) => hasToken(n, set));
}

/**
 * What one iteration of a loop is: a whole sequence (or epoch/batch), one time step, a chunk of
 * one long sequence, or one of several alternatives tried from the same state (beam, candidates).
 * Read from the loop's header: what it iterates (`utterances`, `sequence.length`, `seqLen`) and
 * what it calls each element (`seq`, `epoch`). A bound that counts steps of ONE sequence
 * (`seqLen`, `sequence.length`, `batch.steps`) makes a time loop even though it says "seq".
 */
export type LoopRole = 'sequences' | 'steps' | 'chunks' | 'fanout' | 'unknown';

const roleCache = new WeakMap<ts.Node, LoopRole>();

export function loopRole(it: Iteration): LoopRole {
  const cached = roleCache.get(it.node);
  if (cached) return cached;
  const role = computeRole(it);
  roleCache.set(it.node, role);
  return role;
}

/**
 * `windowsPerMachine`, `samplesByUser`, `windowsFromDifferentSensors`: each element belongs to a
 * different machine/user/sensor, so what the loop iterates is named after `per`/`by`.
 */
function groupedName(name: string): string {
  const t = nameTokens(name);
  const i = t.findIndex((x, k) => k > 0 && (x === 'per' || x === 'by' || (x === 'from' && /^(different|each|many|all|several|other)$/.test(t[k + 1] ?? ''))));
  return i < 0 ? name : t.slice(i + 1).join('_');
}

function computeRole(it: Iteration): LoopRole {
  // A timer runs one step of an endless stream per tick; one that takes the next element of a
  // collection per run (`const user = users[i++]`) iterates that collection, and is a loop over
  // sequences when its names say so. Any other reading stays a step: the timer's own default.
  if (it.timer) return it.next && roleFromNames(it) === 'sequences' ? 'sequences' : 'steps';
  return roleFromNames(it);
}

/** The role a loop's header names give it (see loopRole). */
function roleFromNames(it: Iteration): LoopRole {
  // A count (`w < WINDOWS_PER_STREAM`) is the number of windows in one stream: only a collection's
  // name (`windowsPerMachine.length`, `of windowsByUser`) says its elements belong to different ones.
  const count = countBound(it);
  const names = it.names.map((n) => (n === count ? n : groupedName(n)));
  // Which names are a call's helper arguments is asked only of a loop a name would make a fan-out.
  const fanoutNames = names.filter((n) => hasToken(n, FANOUT_LOOP_TOKENS));
  if (fanoutNames.length > 0) {
    const helpers = sequenceHelperNames(it);
    if (fanoutNames.some((n) => !helpers.has(n))) return 'fanout';
  }
  if (names.some((n) => hasToken(n, CHUNK_LOOP_TOKENS))) return 'chunks';
  if (names.some((n, i) => n !== it.names[i])) return 'unknown';
  const { elements, collections } = loopHeader(it);
  const element = new Set(elements);
  const nouns = collections.filter((n) => !element.has(n));
  if (nouns.some((n) => { const t = nameTokens(n); return t.length > 1 && FANOUT_PREFIX_TOKENS.has(t[0]!); })) return 'fanout';
  if (nouns.some(countsSteps)) return 'steps';
  if (piecesOfOneSequence(it)) return 'chunks';
  if (elements.some((e) => hasToken(e, SEQUENCE_LOOP_TOKENS)) || nouns.some(holdsSequences)) return 'sequences';
  // `for (let t = 0; t < xs.length; t++)`: a counter named for time.
  if (elements.some((e) => /^(t|step|timestep|time|tick)$/i.test(e))) return 'steps';
  return 'unknown';
}

/** What a for-of/for-in or an iterating call walks: `xs` in `for (x of xs)`, `xs.forEach(cb)`, `Array.from(xs, cb)`. */
function iteratedExpression(it: Iteration): ts.Expression | undefined {
  const n = it.node;
  if (ts.isForOfStatement(n) || ts.isForInStatement(n)) return n.expression;
  if (!it.callback || !ts.isCallExpression(n)) return undefined;
  const recv = calleeReceiver(n);
  const isArrayFrom = !!recv && ts.isIdentifier(unwrap(recv)) && (unwrap(recv) as ts.Identifier).text === 'Array';
  return isArrayFrom ? n.arguments[0] : recv;
}

/**
 * `for (const id of encode(doc.text, vocab))`, `tokenize(line, options).forEach(...)`: the loop walks
 * what a call makes of ONE sequence (its first argument names one: `text`, `line`, `sentence`), and
 * the call's other arguments are the helpers it uses to do so. A helper's name (`vocab`, `options`,
 * `model`) says nothing about the elements, so it must not make the loop a fan-out over
 * alternatives (`for (const w of vocab)` scores each word from the same state; this loop does not).
 */
function sequenceHelperNames(it: Iteration): Set<string> {
  const none = new Set<string>();
  const e = iteratedExpression(it);
  const call = e && unwrap(e);
  if (!call || !ts.isCallExpression(call) || call.arguments.length < 2) return none;
  const subject: string[] = [];
  nounsOf(call.arguments[0]!, subject);
  const namesOneSequence = subject.some((s) => SINGLE_SEQUENCE_TOKENS.has(lastToken(s)));
  if (!namesOneSequence) return none;
  const names: string[] = [];
  for (const a of call.arguments.slice(1)) collectNames(a, names);
  return new Set(names);
}

/**
 * `for (const line of doc.lines)`, `story.paragraphs.forEach(...)`: the pieces a member of ONE
 * sequence (a `doc`, a `text`, a `recording`) holds continue that sequence, however much a `line`
 * sounds like a sequence of its own. Not when the member names whole sequences in their own right
 * (`game.episodes`, `doc.sentences`): those may well start over each time.
 */
function piecesOfOneSequence(it: Iteration): boolean {
  const e = iteratedExpression(it);
  const u = e && unwrap(e);
  if (!u || !ts.isPropertyAccessExpression(u)) return false;
  const member = lastToken(u.name.text);
  const owner: string[] = [];
  nounsOf(u.expression, owner);
  return !LENGTH_PROPS.has(u.name.text) && !WHOLE_SEQUENCE_TOKENS.has(member) && owner.some((o) => SINGLE_SEQUENCE_TOKENS.has(lastToken(o)));
}

/** `docText` -> text, `lines` -> lines: the noun a camel-case or snake-case name ends with. */
function lastToken(name: string): string {
  const t = nameTokens(name);
  return t[t.length - 1] ?? '';
}

/** For `for (let i = 0; i < N; i++)`: the bare name `N` the counter is bounded by. */
function countBound(it: Iteration): string | undefined {
  const n = it.node;
  const cond = ts.isForStatement(n) && n.condition ? unwrap(n.condition) : undefined;
  if (!cond || !ts.isBinaryExpression(cond)) return undefined;
  const bound = unwrap(cond.right);
  return ts.isIdentifier(bound) ? bound.text : undefined;
}

/** `seqLen`, `T`, `steps`, `sequence` (its elements are steps). */
function countsSteps(noun: string): boolean {
  const tokens = nameTokens(noun);
  const last = tokens[tokens.length - 1];
  return tokens.some((t) => STEP_COUNT_TOKENS.has(t)) || (last !== undefined && (SINGLE_SEQUENCE_TOKENS.has(last) || STEP_UNIT_TOKENS.has(last)));
}

/** `sequences`, `numEpochs`, `batches`, `dataset`, `batchSize` (its elements are sequences). */
function holdsSequences(noun: string): boolean {
  const tokens = nameTokens(noun);
  const last = tokens[tokens.length - 1];
  return tokens.some((t) => SEQUENCE_LOOP_TOKENS.has(t)) && !(last !== undefined && SINGLE_SEQUENCE_TOKENS.has(last));
}

/** Names of each element (loop variables, callback parameters) and of what is iterated. */
function loopHeader(it: Iteration): { elements: string[]; collections: string[] } {
  const elements: string[] = [];
  const collections: string[] = [];
  const n = it.node;
  const bind = (name: ts.BindingName): void => { for (const id of boundIdentifiers(name)) elements.push(id.text); };
  if (ts.isForOfStatement(n) || ts.isForInStatement(n)) {
    if (ts.isVariableDeclarationList(n.initializer)) for (const d of n.initializer.declarations) bind(d.name);
    else nounsOf(n.initializer, elements);
    nounsOf(n.expression, collections);
  } else if (ts.isForStatement(n)) {
    if (n.initializer && ts.isVariableDeclarationList(n.initializer)) for (const d of n.initializer.declarations) bind(d.name);
    if (n.condition) nounsOf(n.condition, collections);
  } else if (ts.isWhileStatement(n) || ts.isDoStatement(n)) {
    nounsOf(n.expression, collections);
  } else if (it.callback && ts.isCallExpression(n)) {
    it.callback.parameters.forEach((p) => { if (p.name !== it.accumulator) bind(p.name); });
    const iterated = iteratedExpression(it);
    if (iterated) nounsOf(iterated, collections);
  } else if (it.next) {
    // A timer taking the next element per run: `const user = users[i++]`.
    if (it.next.element) bind(it.next.element);
    nounsOf(it.next.collection, collections);
  }
  return { elements, collections };
}

const LENGTH_PROPS = new Set(['length', 'size', 'shape', 'byteLength']);
const PASS_THROUGH_RECEIVERS = new Set(['Math', 'Number', 'Array', 'Object', 'tf']);

/** The names an expression iterates or counts: `sequence.length` -> sequence, `tf.unstack(xs)` -> xs. */
function nounsOf(e: ts.Node, out: string[]): void {
  const u = ts.isExpression(e) ? unwrap(e) : e;
  if (ts.isIdentifier(u)) { out.push(u.text); return; }
  if (ts.isPropertyAccessExpression(u) || ts.isElementAccessExpression(u)) {
    const name = memberName(u);
    if (name === undefined || LENGTH_PROPS.has(name)) nounsOf(u.expression, out);
    else out.push(name);
    return;
  }
  if (ts.isCallExpression(u)) {
    const recv = calleeReceiver(u);
    const base = recv && unwrap(recv);
    if (base && !(ts.isIdentifier(base) && PASS_THROUGH_RECEIVERS.has(base.text))) nounsOf(base, out);
    else for (const a of u.arguments) nounsOf(a, out);
    return;
  }
  if (ts.isBinaryExpression(u)) { nounsOf(u.left, out); nounsOf(u.right, out); return; }
  if (ts.isPrefixUnaryExpression(u) || ts.isPostfixUnaryExpression(u)) { nounsOf(u.operand, out); return; }
  if (ts.isVariableDeclarationList(u)) for (const d of u.declarations) for (const id of boundIdentifiers(d.name)) out.push(id.text);
}

export const isSequenceLoop = (it: Iteration): boolean => loopRole(it) === 'sequences';
export const isChunkLoop = (it: Iteration): boolean => loopRole(it) === 'chunks';
export const isFanoutLoop = (it: Iteration): boolean => loopRole(it) === 'fanout';

/**
 * The index of the parameter of `fn` whose steps `loop` walks: `for (const r of readings)`, `i <
 * readings.length`, a member of the parameter (`for (t < req.bpm.length)`), also through the tensor's
 * time axis (`for (const xt of tf.unstack(x, 1))`, `t < x.shape[1]`); -1 when the loop walks
 * anything else (a count, a field).
 */
export function iteratedParameter(model: FileModel, fn: FunctionLike, loop: Iteration): number {
  const n = loop.node;
  let over: ts.Expression | undefined;
  if (ts.isForOfStatement(n)) over = indicesOf(n.expression) ?? n.expression;
  else if (ts.isForStatement(n) && n.condition && ts.isBinaryExpression(n.condition)) {
    const bound = withoutOffset(n.condition.right);
    if (ts.isPropertyAccessExpression(bound) && bound.name.text === 'length') over = bound.expression;
    // `t < x.shape[1]`: the tensor's length along its time axis.
    else if (ts.isElementAccessExpression(bound) && memberName(unwrap(bound.expression)) === 'shape') over = unwrap(bound.expression);
  }
  let u = over && unwrap(over);
  // The steps of a tensor, unstacked along its time axis (`tf.unstack(x, 1)`, `x.unstack()`).
  if (u && ts.isCallExpression(u) && calleeName(u) === 'unstack') u = model.tf.fn(u) === 'unstack' ? u.arguments[0] : calleeReceiver(u);
  u = u && unwrap(u);
  // A member of a parameter counts as the parameter's (`req.bpm`, `x.shape`).
  while (u && ts.isPropertyAccessExpression(u)) u = unwrap(u.expression);
  const p = u && ts.isIdentifier(u) ? model.scopes.resolve(u)?.parent : undefined;
  return p && ts.isParameter(p) && p.parent === fn ? fn.parameters.indexOf(p) : -1;
}

/** `wave.length - 1`, `n + 1`: the bound without a constant offset (one step fewer is still every step). */
function withoutOffset(e: ts.Expression): ts.Expression {
  const u = unwrap(e);
  const constant = (x: ts.Expression): boolean => ts.isNumericLiteral(unwrap(x)) || ts.isIdentifier(unwrap(x)) && /^[A-Z_0-9]+$/.test((unwrap(x) as ts.Identifier).text);
  return ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.MinusToken || u.operatorToken.kind === ts.SyntaxKind.PlusToken) && constant(u.right) ? unwrap(u.left) : u;
}

/**
 * `range(wave.length - 1)`, `Array(xs.length).keys()`: the indices of an array, as a for-of runs
 * over them; the array (`wave`). Only a call of one argument that is a `.length`, so a range over
 * anything else (`range(nEpochs)`) is not taken for a parameter's steps.
 */
function indicesOf(e: ts.Expression): ts.Expression | undefined {
  let u = unwrap(e);
  if (ts.isCallExpression(u) && calleeName(u) === 'keys' && calleeReceiver(u)) u = unwrap(calleeReceiver(u)!);
  if (!ts.isCallExpression(u) && !ts.isNewExpression(u)) return undefined;
  const arg = u.arguments?.length === 1 ? withoutOffset(u.arguments[0]!) : undefined;
  return arg && ts.isPropertyAccessExpression(arg) && arg.name.text === 'length' ? arg.expression : undefined;
}

/** Is `e` a fresh tensor built from constants (`tf.zeros([1, H])`)? */
export function isTensorConstructor(model: FileModel, e: ts.Expression): boolean {
  const u = unwrap(e);
  if (!ts.isCallExpression(u)) return false;
  const fn = model.tf.fn(u);
  return fn !== undefined && TENSOR_CONSTRUCTORS.has(fn);
}

/** Writes to an access path (`h`, `this.h`) inside `within`, including `path.assign(...)` on variables. */
export function writesToPath(model: FileModel, path: string, at: ts.Node, within: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  if (!path.includes('.')) {
    const id = ts.isIdentifier(at) ? at : undefined;
    const b = id ? model.scopes.resolve(id) : model.scopes.lookup(path, at);
    if (b) out.push(...model.scopes.writes(b, within));
  } else {
    for (const n of nodesInside(model.index.writes, within)) {
      if (ts.isBinaryExpression(n) && targetsPath(n.left, path)) out.push(n);
    }
  }
  // tf.Variable state updated in place.
  for (const n of nodesInside(model.callsNamed(['assign']), within)) {
    const r = calleeReceiver(n);
    if (calleeName(n) === 'assign' && r && accessPath(r) === path) out.push(n);
  }
  return out;
}

function targetsPath(t: ts.Expression, path: string): boolean {
  const u = unwrap(t);
  if (ts.isArrayLiteralExpression(u)) return u.elements.some((e) => targetsPath(ts.isSpreadElement(e) ? e.expression : e, path));
  if (ts.isObjectLiteralExpression(u)) return u.properties.some((p) => ts.isPropertyAssignment(p) && targetsPath(p.initializer, path));
  return accessPath(u) === path;
}

export interface Invariance {
  /** Where the unchanging value comes from (its declaration), for related information. */
  decl?: ts.Node;
  binding?: Binding;
  /** A new constant tensor built in the loop (`tf.zeros(...)` in the call or just before it). */
  fresh?: boolean;
  /** The statement in the loop that puts the same value back before every use. */
  resetAt?: ts.Node;
  /** reduce: where each return of the reducer hands the incoming state on (`h` in `return { h, outs }`). */
  handedOn?: HandedOn[];
  /** The state is read from an array the loop only appends to, at an element that never changes. */
  element?: ElementRead;
  /** The state is read from a local buffer that nothing ever fills, so it is always the fallback. */
  emptyBuffer?: EmptyBufferRead;
}

/**
 * `ring.length === d ? ring.shift()! : zero` or `ring.pop() ?? zero` where nothing ever stores a
 * value in the local array `ring`: the read never yields a state, the value is always `zero`.
 */
export interface EmptyBufferRead {
  read: ts.Expression;
  array: ts.Identifier;
  fallback: ts.Expression;
}

/**
 * `states.at(0)` / `states[0]` while the loop appends each new state to `states`: the same element
 * every step; or `states[states.length] ?? h0`, past the end every step, so always `h0`.
 */
export interface ElementRead {
  read: ts.Expression;
  array: ts.Identifier;
  pastEnd: boolean;
}

/** A property or element of a reducer's returned accumulator that passes the incoming state on. */
export interface HandedOn {
  node: ts.ObjectLiteralElementLike | ts.Expression;
  /** The property name (`h`) or element index the state sits at in the accumulator. */
  key: string | number;
}

/** Does the state argument keep the same value on every iteration of `it`? */
export function invariantAcross(model: FileModel, arg: StateArg, it: Iteration): Invariance | undefined {
  let e = unwrap(arg.expr);
  // `state0.clone()` / `tf.clone(state0)`: a fresh copy of the same value.
  if (ts.isCallExpression(e) && calleeName(e) === 'clone') {
    const src = calleeReceiver(e) && model.tf.path(calleeReceiver(e)!) === undefined ? calleeReceiver(e) : e.arguments[0];
    if (src && accessPath(src)) {
      e = unwrap(src);
      arg = { ...arg, expr: e, path: accessPath(e) };
    }
  }
  if (isTensorConstructor(model, e)) return constantAcross(model, e, it) ? { fresh: true } : undefined;
  const element = sameElementValue(model, e, it);
  if (element) return { element };
  const emptyBuffer = fallbackOfEmptyBuffer(model, e, it);
  if (emptyBuffer) return { emptyBuffer };
  // `state[0]` has no access path, but a fixed element of a local array is a place like `state.h`.
  if (isFixedElementOfName(e)) return unchangedLocalPart(model, e, it);
  if (!arg.path) return undefined;
  if (it.accumulator && arg.path === it.accumulator.text) return accumulatorReturnedAsIs(model, it);
  const handedOn = handedOnByReducer(model, e, it);
  if (handedOn) return handedOn;
  if (arg.path.startsWith('this.')) {
    if (writesToPath(model, arg.path, e, it.node).length > 0) return undefined;
    // A method call on `this` in the loop may update the field: do not guess. Not a callback kept
    // in a field (`this.onStep(t, y)`, declared as a property), nor a method of the class that
    // never writes the field.
    let callsThis = false;
    const cls = enclosingClassOfThis(arg.expr);
    walk(it.body, (n) => {
      if (callsThis) return false;
      if (!ts.isCallExpression(n) || isWithin(arg.expr, n)) return;
      const r = calleeReceiver(n);
      if (!r || unwrap(r).kind !== ts.SyntaxKind.ThisKeyword) return;
      const name = calleeName(n);
      // A field (a property, or a constructor's parameter property such as `private readonly
      // reducer: Reducer`) holds a function given to the object, unless it is initialised with one
      // written in the class.
      const field = cls && name ? fieldDeclaration(cls, name) : undefined;
      if (field && !(ts.isPropertyDeclaration(field) && field.initializer && isFunctionLike(unwrap(field.initializer)))) return;
      const member = cls && name ? cls.members.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === name) : undefined;
      const method = member && ts.isMethodDeclaration(member) && !cls!.heritageClauses ? member : undefined;
      if (method && writesToPath(model, arg.path!, arg.expr, method).length === 0 && !callsOwnMethods(method)) return;
      callsThis = true;
    });
    return callsThis ? undefined : {};
  }
  if (arg.path.includes('.')) return unchangedLocalPart(model, e, it);
  if (!ts.isIdentifier(e)) return undefined;
  const b = model.scopes.resolve(e);
  if (!b) return undefined;
  const decl = declarationOf(b);
  const declaredInside = decl.pos >= it.body.pos && decl.end <= it.body.end;
  if (declaredInside) {
    // Fresh each iteration: a constant tensor, or a new name for a variable from outside the loop
    // that the loop never writes (`const state = initialState`), is the same initial state every step.
    const init = initializerOf(b);
    if (!init || model.scopes.writes(b, it.body).length > 0) return undefined;
    const u = unwrap(init);
    const element = sameElementValue(model, u, it);
    if (element) return { decl, binding: b, element };
    const emptyBuffer = fallbackOfEmptyBuffer(model, u, it);
    if (emptyBuffer) return { decl, binding: b, emptyBuffer };
    const constant = isTensorConstructor(model, u) ? constantAcross(model, u, it) : ts.isIdentifier(u) && unchangedOuterName(model, u, it);
    return constant ? { decl, binding: b, fresh: true } : undefined;
  }
  if (ts.isParameter(decl) && isFunctionLike(decl.parent) && it.callback === decl.parent) return undefined;
  if (writesToPath(model, arg.path, e, it.node).length > 0) return resetBeforeUse(model, b, e, it);
  // `state[0] = h` or `state.splice(...)` in the loop: an array changed in place is not stale.
  if (changedInPlaceWithin(model, b, it.node)) return undefined;
  return { decl, binding: b };
}

/**
 * The value of `e` is the same on every iteration because it reads an array the loop only appends
 * to: a fixed element (`states.at(0)`, `states[0]`), or past the end with a fallback that never
 * changes (`states[states.length] ?? h0`).
 */
function sameElementValue(model: FileModel, e: ts.Expression, it: Iteration): ElementRead | undefined {
  const u = unwrap(e);
  if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || u.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const left = elementRead(model, u.left, it);
    const right = unwrap(u.right);
    return left?.pastEnd && ts.isIdentifier(right) && unchangedOuterName(model, right, it) ? left : undefined;
  }
  const read = elementRead(model, u, it);
  return read && !read.pastEnd ? read : undefined;
}

function elementRead(model: FileModel, e: ts.Expression, it: Iteration): ElementRead | undefined {
  const u = unwrap(e);
  const isAt = ts.isCallExpression(u) && calleeName(u) === 'at' && u.arguments.length === 1;
  const arr = ts.isElementAccessExpression(u) ? unwrap(u.expression) : isAt ? calleeReceiver(u as ts.CallExpression) && unwrap(calleeReceiver(u as ts.CallExpression)!) : undefined;
  const index = ts.isElementAccessExpression(u) ? unwrap(u.argumentExpression) : isAt ? unwrap((u as ts.CallExpression).arguments[0]!) : undefined;
  if (!arr || !index || !ts.isIdentifier(arr)) return undefined;
  const b = model.scopes.resolve(arr);
  if (!b) return undefined;
  const k = ts.isNumericLiteral(index) ? Number(index.text) : undefined;
  const pastEnd = !isAt && ts.isPropertyAccessExpression(index) && index.name.text === 'length' &&
    ts.isIdentifier(unwrap(index.expression)) && model.scopes.refersTo(unwrap(index.expression) as ts.Identifier, b);
  if (!pastEnd && (k === undefined || !Number.isInteger(k))) return undefined;
  return onlyAppendedIn(model, b, it) ? { read: u, array: arr, pastEnd } : undefined;
}

/** Array methods that read it without changing it. */
const ARRAY_READS = new Set(['length', 'at', 'slice', 'map', 'forEach', 'filter', 'some', 'every', 'includes', 'indexOf', 'concat']);
/** Array methods that take an element out: they change the array but never put a value in. */
const ARRAY_TAKES = new Set(['shift', 'pop']);

/**
 * A choice between reading a local buffer and a fallback that never changes in the loop
 * (`ring.length === d ? ring.shift()! : zero`, `ring.length < d ? zero : ring[0]`,
 * `ring.pop() ?? zero`), where nothing ever stores a value in the buffer: whatever the condition
 * says, the read yields no state (the branch never runs, or gives `undefined`), so the state is
 * always the fallback, like a state that is never updated.
 */
function fallbackOfEmptyBuffer(model: FileModel, e: ts.Expression, it: Iteration): EmptyBufferRead | undefined {
  const u = unwrap(e);
  const options: [ts.Expression, ts.Expression][] = ts.isConditionalExpression(u) ? [[u.whenTrue, u.whenFalse], [u.whenFalse, u.whenTrue]]
    : ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || u.operatorToken.kind === ts.SyntaxKind.BarBarToken) ? [[u.left, u.right]]
    : [];
  for (const [read, fallback] of options) {
    const array = bufferReadBy(read);
    if (array && unchangingFallback(model, fallback, it) && neverFilledLocalArray(model, array)) return { read: unwrap(read), array, fallback: unwrap(fallback) };
  }
  return undefined;
}

/** The array an element is read from: `ring.shift()`, `ring.pop()`, `ring.at(k)`, `ring[k]`. */
function bufferReadBy(e: ts.Expression): ts.Identifier | undefined {
  const u = unwrap(e);
  const receiver = ts.isElementAccessExpression(u) ? u.expression
    : ts.isCallExpression(u) && /^(shift|pop|at)$/.test(calleeName(u) ?? '') ? calleeReceiver(u) : undefined;
  const r = receiver && unwrap(receiver);
  return r && ts.isIdentifier(r) ? r : undefined;
}

/** A fallback state that is the same on every iteration: a name the loop never writes, or a constant tensor. */
function unchangingFallback(model: FileModel, e: ts.Expression, it: Iteration): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u)) return unchangedOuterName(model, u, it);
  return isTensorConstructor(model, u) && constantAcross(model, u, it);
}

/**
 * Is `id` a variable created as an empty array (`const ring: T[] = []`) in which nothing anywhere
 * in its scope stores a value? Every reference must read it or take from it (`ring.length`,
 * `ring.shift()`, `ring[k]`): no push/unshift/splice, element write or reassignment, and no bare
 * use (handed to a call, aliased, returned, spread), through which something else could fill it.
 * Not an exported one, which other modules can fill, nor a script's global.
 */
function neverFilledLocalArray(model: FileModel, id: ts.Identifier): boolean {
  const b = model.scopes.resolve(id);
  const decl = b && declarationOf(b);
  if (!b || !decl || !ts.isVariableDeclaration(decl) || decl.name !== b || !decl.initializer || !isEmptyArrayLiteral(decl.initializer)) return false;
  const statement = decl.parent.parent;
  if (ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return false;
  // At the top of a script (no import or export), a name is a global that other scripts may fill.
  const scope = enclosingFunction(decl) ?? decl.getSourceFile();
  if (ts.isSourceFile(scope) && !ts.isExternalModule(scope)) return false;
  return model.scopes.references(b, scope).every((ref) => {
    const p = ref.parent;
    if (ts.isElementAccessExpression(p) && p.expression === ref) return !isAssignmentTarget(p);
    if (!ts.isPropertyAccessExpression(p) || p.expression !== ref || isAssignmentTarget(p)) return false;
    return ARRAY_READS.has(p.name.text) || ARRAY_TAKES.has(p.name.text);
  });
}

/** `[]`, `new Array()`, `Array()`: an array with no elements. */
function isEmptyArrayLiteral(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isArrayLiteralExpression(u)) return u.elements.length === 0;
  return (ts.isNewExpression(u) || ts.isCallExpression(u)) && ts.isIdentifier(u.expression) && u.expression.text === 'Array' && (u.arguments?.length ?? 0) === 0;
}

/**
 * Does the loop only ever add to the end of the array `b` holds? A variable from outside the loop
 * that it pushes to and reads (never assigns, shifts, splices or hands to a call); or a reduce
 * accumulator that every return of the reducer extends (`[...states, next]`).
 */
function onlyAppendedIn(model: FileModel, b: Binding, it: Iteration): boolean {
  if (it.fold && it.callback && it.accumulator === b) {
    const returns = returnedExpressions(it.callback) ?? [];
    return returns.length > 0 && model.scopes.writes(b, it.callback).length === 0 && returns.every((r) => {
      const lit = unwrap(r);
      const first = ts.isArrayLiteralExpression(lit) ? lit.elements[0] : undefined;
      return !!first && ts.isSpreadElement(first) && ts.isIdentifier(unwrap(first.expression)) && model.scopes.refersTo(unwrap(first.expression) as ts.Identifier, b);
    });
  }
  if (isWithin(declarationOf(b), it.node) || model.scopes.writes(b, it.node).length > 0) return false;
  let pushed = false;
  const ok = model.scopes.references(b, it.node).every((ref) => {
    const p = ref.parent;
    if (ts.isElementAccessExpression(p) && p.expression === ref) return !isAssignmentTarget(p);
    if (!ts.isPropertyAccessExpression(p) || p.expression !== ref) return false;
    if (p.name.text === 'push' && ts.isCallExpression(p.parent) && p.parent.expression === p) return (pushed = true);
    return ARRAY_READS.has(p.name.text);
  });
  return ok && pushed;
}

/**
 * Does `within` write an element of the value `b` holds, or call a method that changes it (or one
 * of its elements: `state[0].assign(c)` on an array of `tf.Variable`s) in place?
 */
function changedInPlaceWithin(model: FileModel, b: Binding, within: ts.Node): boolean {
  return model.scopes.references(b, within).some((ref) => {
    const p = ref.parent;
    if (!(ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) || p.expression !== ref) return false;
    const q = p.parent;
    if (isAssignmentTarget(p)) return true;
    return isInPlaceCallOn(p) || (ts.isElementAccessExpression(p) && ts.isPropertyAccessExpression(q) && q.expression === p && isInPlaceCallOn(q));
  });
}

/** Is `member` (`state.push`, `state[0].assign`) the callee of a call that changes its receiver in place? */
function isInPlaceCallOn(member: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  const call = member.parent;
  return ts.isCallExpression(call) && call.expression === member && IN_PLACE_METHODS.has(memberName(member) ?? '');
}

/** Does `method` call other methods of its object (which might write what it does not)? */
function callsOwnMethods(method: ts.MethodDeclaration): boolean {
  let found = false;
  if (method.body) walk(method.body, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n)) { const r = calleeReceiver(n); if (r && unwrap(r).kind === ts.SyntaxKind.ThisKeyword) found = true; }
  });
  return found;
}

/**
 * A fixed part of a local object or array built as a plain literal that the loop never changes:
 * `state.h` of `const state = { h: tf.zeros(...) }` (the loop may write other members,
 * `state.hidden = res.h`), or `state[0]` of `const state = [tf.zeros(...), tf.zeros(...)]` (the
 * loop writes no element: `tf.basicLSTMCell(..., state[0], state[1])` whose `[c, h]` never goes
 * back). Only when nothing else can reach the object: every use of it in the loop is a member
 * access, it is used in no other function, and it is handed nowhere before the loop (no alias
 * that the loop could write through), except as the seed of a reduce whose reducer cannot change
 * it; a method-less literal has no method that could write it either.
 */
function unchangedLocalPart(model: FileModel, e: ts.Expression, it: Iteration): Invariance | undefined {
  const element = isFixedElementOfName(e);
  if (!(element || ts.isPropertyAccessExpression(e)) || !ts.isIdentifier(unwrap(e.expression))) return undefined;
  const b = model.scopes.resolve(unwrap(e.expression) as ts.Identifier);
  const decl = b?.parent;
  const init = decl && ts.isVariableDeclaration(decl) && decl.name === b && decl.initializer ? unwrap(decl.initializer) : undefined;
  if (!b || !init || isWithin(decl!, it.node)) return undefined;
  if (element) {
    // An array's elements can be written at computed indexes (`state[k] = h`): any write counts.
    if (!ts.isArrayLiteralExpression(init) || changedInPlaceWithin(model, b, it.node)) return undefined;
  } else {
    if (!ts.isObjectLiteralExpression(init)) return undefined;
    if (!init.properties.every((p) => ts.isPropertyAssignment(p) && !isFunctionLike(unwrap(p.initializer)) || ts.isShorthandPropertyAssignment(p))) return undefined;
    if (writesToPath(model, `${b.text}.${(e as ts.PropertyAccessExpression).name.text}`, e, it.node).length > 0) return undefined;
  }
  const home = enclosingFunction(it.node);
  const scope = home ?? decl!.getSourceFile();
  for (const r of model.scopes.references(b, scope)) {
    const inLoop = isWithin(r, it.body);
    if (!inLoop && enclosingFunction(r) !== home) return undefined;
    const member = (ts.isPropertyAccessExpression(r.parent) || (element && ts.isElementAccessExpression(r.parent))) && r.parent.expression === r;
    if (member || (!element && seedsUnchangingFold(model, r, it, (e as ts.PropertyAccessExpression).name.text))) continue;
    // A bare use (an argument, an alias, a spread) in the loop or before it may change the member.
    if (inLoop || r.pos < it.node.end) return undefined;
  }
  return { decl: decl!, binding: b };
}

/**
 * `moves.reduce(({ h, odds }, col) => ({ h: cell(x, start.h), ... }), start)`: `start` handed to
 * the reduce as its seed, read at a member that the accumulator carries from call to call (`h`):
 * the step reads the seed's state where it meant the accumulator's. (A member the accumulator does
 * not carry, such as an encoder's memory, is another input.) The seed IS the accumulator of the
 * first call, so it stays as it was only when the reducer cannot change the accumulator:
 * destructured (`({ h, odds }, x)`: copies of its members), or a plain name that is only read
 * member by member and returned (no `acc.h = h`, `Object.assign(acc, ...)`, `acc.advance(h)`,
 * alias or in-place call on a member, `acc.h.assign(h)`).
 */
function seedsUnchangingFold(model: FileModel, ref: ts.Identifier, it: Iteration, key: string): boolean {
  const seed = it.fold && ts.isCallExpression(it.node) ? it.node.arguments[1] : undefined;
  const cb = it.callback;
  if (!seed || unwrap(seed) !== ref || !cb) return false;
  if (!accumulatorCarriers(it, model.index.writes, model.scopes).some((c) => c.key === key)) return false;
  const acc = cb.parameters[0];
  return !acc || !ts.isIdentifier(acc.name) || onlyReadAndReturned(model, acc.name, cb);
}

/** Does `cb` only read members of `acc` (no write, method call or in-place call on a member) and return it as it is? */
function onlyReadAndReturned(model: FileModel, acc: Binding, cb: FunctionLike): boolean {
  if (changedInPlaceWithin(model, acc, cb)) return false;
  return model.scopes.references(acc, cb).every((r) => {
    const p = r.parent;
    if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === r)) return true;
    if (!(ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) || p.expression !== r) return false;
    const use = p.parent;
    if (ts.isCallExpression(use) && use.expression === p) return false;
    return !(ts.isPropertyAccessExpression(use) && use.expression === p && isInPlaceCallOn(use));
  });
}

/**
 * reduce/reduceRight: the accumulator carries state from one call of the reducer to the next, so a
 * state read from it is stale when every return puts the incoming value back at the same place:
 * `({ h, outs }, x) => ({ h, outs: [...outs, step(x, h)] })`, `(acc, x) => ({ ...acc, y: step(x, acc.h) })`,
 * `([h, c], x) => [h, c2]`. A return that is not a literal (the accumulator mutated and returned,
 * a helper's result) is not read: we do not guess.
 */
function handedOnByReducer(model: FileModel, arg: ts.Expression, it: Iteration): Invariance | undefined {
  const cb = it.callback;
  const acc = cb?.parameters[0];
  if (!it.fold || !cb || !acc) return undefined;
  const slot = accumulatorSlot(model, acc, arg);
  if (!slot) return undefined;
  const written = slot.binding ? model.scopes.writes(slot.binding, cb).length > 0 : writesToPath(model, accessPath(arg)!, arg, cb).length > 0;
  if (written) return undefined;
  const handedOn: HandedOn[] = [];
  for (const r of returnedExpressions(cb) ?? []) {
    const at = slotInLiteral(model, unwrap(r), slot);
    if (!at) return undefined;
    handedOn.push({ node: at, key: slot.key });
  }
  return handedOn.length > 0 ? { decl: slot.binding ?? acc, binding: slot.binding, handedOn } : undefined;
}

/**
 * `frames.reduce((h, frame) => { const hNext = step(frame, h); ...; return h; }, h0)`: the state is
 * the accumulator itself, and every return hands the incoming one back. Not when the reducer
 * writes it, a member of it, or calls a method that changes it in place (`acc.assign(...)`,
 * `acc.push(...)`).
 */
function accumulatorReturnedAsIs(model: FileModel, it: Iteration): Invariance | undefined {
  const cb = it.callback;
  const acc = it.accumulator;
  if (!it.fold || !cb || !acc || model.scopes.writes(acc, cb).length > 0) return undefined;
  const returns = returnedExpressions(cb) ?? [];
  if (returns.length === 0 || !returns.every((r) => { const u = unwrap(r); return ts.isIdentifier(u) && model.scopes.refersTo(u, acc); })) return undefined;
  if (changedInPlaceWithin(model, acc, cb)) return undefined;
  return { decl: acc, binding: acc, handedOn: returns.map((r) => ({ node: unwrap(r), key: 0 })) };
}

/** Methods that change their receiver (a tf.Variable, an array, a Map) instead of returning a new value. */
const IN_PLACE_METHODS = new Set(['assign', 'push', 'unshift', 'splice', 'set', 'fill', 'sort', 'reverse', 'pop', 'shift', 'delete', 'clear']);

interface AccumulatorSlot {
  key: string | number;
  /** The destructured name (`h` of `({ h }, x)`), or undefined for `acc.h`. */
  binding?: Binding;
  /** `acc` for `acc.h` reads. */
  accumulator?: Binding;
}

/** Where in the accumulator parameter a state read comes from: `h` of `({ h }, x)` / `([h], x)`, or `acc.h`. */
function accumulatorSlot(model: FileModel, acc: ts.ParameterDeclaration, arg: ts.Expression): AccumulatorSlot | undefined {
  if (ts.isIdentifier(acc.name)) {
    if (!ts.isPropertyAccessExpression(arg) || !ts.isIdentifier(arg.expression) || !ts.isIdentifier(arg.name)) return undefined;
    return model.scopes.refersTo(arg.expression, acc.name) ? { key: arg.name.text, accumulator: acc.name } : undefined;
  }
  if (!ts.isIdentifier(arg)) return undefined;
  const b = model.scopes.resolve(arg);
  const el = b?.parent;
  if (!b || !el || !ts.isBindingElement(el) || el.parent !== acc.name || el.dotDotDotToken) return undefined;
  if (ts.isArrayBindingPattern(acc.name)) return { key: acc.name.elements.indexOf(el), binding: b };
  const prop = el.propertyName;
  const key = prop ? (ts.isIdentifier(prop) || ts.isStringLiteral(prop) ? prop.text : undefined) : b.text;
  return key === undefined ? undefined : { key, binding: b };
}

/** Does `value` (from a reducer's return) put the incoming state back at its slot? Returns that property/element. */
function slotInLiteral(model: FileModel, value: ts.Expression, slot: AccumulatorSlot): ts.ObjectLiteralElementLike | ts.Expression | undefined {
  const same = (e: ts.Expression): boolean => {
    const u = unwrap(e);
    if (slot.binding) return ts.isIdentifier(u) && model.scopes.refersTo(u, slot.binding);
    return ts.isPropertyAccessExpression(u) && ts.isIdentifier(u.expression) && model.scopes.refersTo(u.expression, slot.accumulator!) &&
      u.name.text === slot.key;
  };
  if (typeof slot.key === 'number') {
    if (!ts.isArrayLiteralExpression(value)) return undefined;
    const el = value.elements[slot.key];
    return el && !value.elements.slice(0, slot.key + 1).some(ts.isSpreadElement) && same(el) ? el : undefined;
  }
  // `acc.hs.push(h_t); return acc` after reading `acc.h`: the accumulator itself, handed on with
  // its `h` untouched (the caller checked nothing writes `acc.h`); unless the reducer gives the
  // whole accumulator to a function that may set it (`Object.assign(acc, ...)`, `update(acc)`) or
  // calls a method of its own (`acc.advance(h)`).
  if (slot.accumulator && ts.isIdentifier(value) && model.scopes.refersTo(value, slot.accumulator)) {
    const cb = enclosingFunction(value);
    const handedToCall = !!cb && model.scopes.references(slot.accumulator, cb).some((ref) => {
      const p = ref.parent;
      if (ts.isCallExpression(p) && p.arguments.includes(ref)) return true;
      return ts.isPropertyAccessExpression(p) && p.expression === ref && ts.isCallExpression(p.parent) && p.parent.expression === p;
    });
    return handedToCall ? undefined : value;
  }
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  // The last property for the key wins; `...acc` keeps the accumulator's own value.
  for (let i = value.properties.length - 1; i >= 0; i--) {
    const p = value.properties[i]!;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === slot.key) return slot.binding && model.scopes.refersTo(p.name, slot.binding) ? p : undefined;
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === slot.key) return same(p.initializer) ? p : undefined;
    if (ts.isSpreadAssignment(p)) {
      const u = unwrap(p.expression);
      return slot.accumulator && ts.isIdentifier(u) && model.scopes.refersTo(u, slot.accumulator) ? p : undefined;
    }
  }
  return undefined;
}


/** A name bound outside the loop (not a parameter of its callback) that nothing in the loop writes. */
function unchangedOuterName(model: FileModel, id: ts.Identifier, it: Iteration): boolean {
  const src = model.scopes.resolve(id);
  if (!src || isWithin(declarationOf(src), it.node)) return false;
  return model.scopes.writes(src, it.node).length === 0;
}

/**
 * `for (...) { h = h0; [, h] = cell.call([x, h]); }`: the variable is written in the loop, but the
 * last write before the call, in the same block, puts back a value that never changes.
 */
function resetBeforeUse(model: FileModel, b: Binding, use: ts.Expression, it: Iteration): Invariance | undefined {
  const body = it.callback ? it.callback.body : it.body;
  if (!body || !ts.isBlock(body)) return undefined;
  const index = body.statements.findIndex((st) => isWithin(use, st));
  for (let i = index - 1; i >= 0; i--) {
    const st = body.statements[i]!;
    if (model.scopes.writes(b, st).length === 0) continue;
    const e = ts.isExpressionStatement(st) ? unwrap(st.expression) : undefined;
    if (!e || !ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(unwrap(e.left))) return undefined;
    const value = unwrap(e.right);
    if (isTensorConstructor(model, value)) return { decl: st, binding: b, resetAt: st };
    if (!ts.isIdentifier(value) || model.scopes.resolve(value) === b || !unchangedOuterName(model, value, it)) return undefined;
    return { decl: st, binding: b, resetAt: st };
  }
  return undefined;
}

/**
 * Does a tensor constructor build the same value on every iteration? `tf.zeros(shape)` does
 * whatever the shape; `tf.tensor2d(carried)` only when `carried` does not change in the loop.
 */
function constantAcross(model: FileModel, e: ts.Expression, it: Iteration): boolean {
  const u = unwrap(e);
  if (!ts.isCallExpression(u)) return false;
  const fn = model.tf.fn(u);
  if (!fn || !FROM_VALUE_CONSTRUCTORS.has(fn)) return true;
  let constant = true;
  walk(u, (n) => {
    if (!constant || !ts.isIdentifier(n) || isPropertyName(n)) return;
    const b = model.scopes.resolve(n);
    if (!b) return;
    if (isWithin(declarationOf(b), it.node) || model.scopes.writes(b, it.node).length > 0) constant = false;
  });
  return constant;
}

/** Position right after `{` of an iteration body block, with the indentation of its statements. */
export function bodyInsertion(text: string, it: Iteration): { pos: number; indent: string } | undefined {
  return blockInsertion(text, it.callback ? it.callback.body : it.body);
}

/** Where a statement goes at the start of a block (a function's body): the first statement's line, and its indent. */
export function blockInsertion(text: string, body: ts.Node | undefined): { pos: number; indent: string } | undefined {
  if (!body || !ts.isBlock(body)) return undefined;
  const first = body.statements[0];
  return first ? insertionBefore(text, first) : undefined;
}

/** Where a statement goes right before `stmt`: the start of its line, with its indent. */
export function insertionBefore(text: string, stmt: ts.Statement): { pos: number; indent: string } {
  const start = stmt.getStart(stmt.getSourceFile());
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return { pos: lineStart, indent: text.slice(lineStart, start) };
}

/** The function (or file) that contains the loops of a call. */
export function ownerOf(node: ts.Node): ts.Node {
  return enclosingFunction(node) ?? node.getSourceFile();
}

/** Iterations of a step call that run steps (not sequences, not fan-outs). */
export function timeLoop(call: StepCall): Iteration | undefined {
  const it = call.iterations[0];
  if (!it || isFanoutLoop(it)) return undefined;
  return it;
}

const RELATIONAL = new Set([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken]);

/**
 * Does the loop keep the best of its step results, whatever its names say? A result is stored under
 * a comparison into a holder from outside the iteration (`if (score > bestScore) { bestH = h }`), or
 * a comparison picks between a new holder and the one kept so far (`return score > best.score ?
 * { score, h } : best` in a reducer). Such a loop tries the same state several ways (restarts,
 * seeds, sampled continuations) and is a search, not an unroll: that each try starts from the same
 * state is its point. It walks the loop's body: ask it only of a loop about to be reported.
 */
export function keepsBestResult(call: StepCall, it: Iteration): boolean {
  // The new state must be what is kept: a time loop may well track its best output (`if (score >
  // peak) peak = score`) while it unrolls.
  const named = call.targets.flatMap((t) => (t.path && !t.path.includes('.') ? [{ name: t.path, all: t.position === 'all' }] : []));
  const results = new Set(named.filter((t) => t.all || isStateLikeName(t.name)).map((t) => t.name));
  if (results.size === 0) return false;
  const mentionsResult = (e: ts.Node): boolean => {
    let found = false;
    walk(e, (n) => { if (found) return false; if (ts.isIdentifier(n) && results.has(n.text)) found = true; });
    return found;
  };
  const isComparison = (e: ts.Expression): boolean => {
    const c = unwrap(e);
    if (!ts.isBinaryExpression(c)) return false;
    const op = c.operatorToken.kind;
    // `kept === null || loss < kept.loss`: the first try, or a better one.
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) return isComparison(c.left) || isComparison(c.right);
    return RELATIONAL.has(op);
  };
  const localNames = new Set<string>();
  walk(it.body, (n) => { if (ts.isVariableDeclaration(n)) for (const id of boundIdentifiers(n.name)) localNames.add(id.text); });
  const holderOutside = (target: ts.Expression): boolean => {
    const base = unwrap(target);
    const root = ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base) ? unwrap(base.expression) : base;
    return ts.isIdentifier(root) && !localNames.has(root.text) && !results.has(root.text);
  };
  let keeps = false;
  walk(it.body, (n) => {
    if (keeps) return false;
    if (ts.isIfStatement(n) && !n.elseStatement && isComparison(n.expression)) {
      walk(n.thenStatement, (m) => {
        if (ts.isBinaryExpression(m) && m.operatorToken.kind === ts.SyntaxKind.EqualsToken && holderOutside(m.left) && mentionsResult(m.right)) keeps = true;
      });
    } else if (ts.isConditionalExpression(n) && isComparison(n.condition)) {
      // The branch that keeps the old holder: the reducer's accumulator, or the variable assigned.
      const parent = n.parent && ts.isParenthesizedExpression(n.parent) ? n.parent.parent : n.parent;
      const kept = (b: ts.Expression): boolean => {
        const e = unwrap(b);
        if (!ts.isIdentifier(e)) return false;
        if (it.accumulator && e.text === it.accumulator.text) return true;
        return !!parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          ts.isIdentifier(unwrap(parent.left)) && (unwrap(parent.left) as ts.Identifier).text === e.text && holderOutside(parent.left);
      };
      if ((kept(n.whenFalse) && mentionsResult(n.whenTrue)) || (kept(n.whenTrue) && mentionsResult(n.whenFalse))) keeps = true;
    }
  });
  return keeps;
}

/**
 * Recurrences written inline, without a step function: `h = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)))`
 * inside a loop (a tf call assigned to a variable from outside the loop that it also reads), also
 * through a local of the loop (`const hNew = tf.tanh(... h ...); h.dispose(); h = hNew`).
 * `read` is the variable's use on the right-hand side. Found once per model (two rules ask).
 */
export const inlineRecurrences: (model: FileModel) => InlineRecurrence[] = lastFileMemo(findInlineRecurrences);

export interface InlineRecurrence { binding: Binding; read: ts.Identifier; assign: ts.BinaryExpression; loop: Iteration }

function findInlineRecurrences(model: FileModel): InlineRecurrence[] {
  const out: InlineRecurrence[] = [];
  for (const { call, assign, target, loop } of storesInLoops(model)) {
    if (!ts.isIdentifier(target)) continue;
    const b = model.scopes.resolve(target);
    if (!b || isWithin(b, loop.node)) continue;
    const read = model.scopes.firstReference(b, call);
    if (read) out.push({ binding: b, read, assign, loop });
  }
  return out;
}

/**
 * Recurrences on an object's field written inline in a loop: `this.h = tf.tanh(... this.h ...)`,
 * or through a local of the loop, the idiomatic tfjs form
 * `const next = tf.tidy(() => ... this.h ...); this.h.dispose(); this.h = next;`.
 * `read` is the field's use inside the computation. Found once per model.
 */
export const fieldRecurrences: (model: FileModel) => FieldRecurrence[] = lastFileMemo(findFieldRecurrences);

export interface FieldRecurrence { path: string; read: ts.Expression; assign: ts.BinaryExpression; loop: Iteration }

/**
 * `for (const id of tokens) this.step(id)` where `step` (a method of the same class, without a loop
 * of its own) replaces `this.h` with a value computed by tf from `this.h`: the call advances the
 * field, though no state is passed. One entry per call and advanced field.
 */
export const fieldAdvancingCalls: (model: FileModel) => FieldAdvance[] = lastFileMemo(findFieldAdvancingCalls);

export interface FieldAdvance { path: string; call: ts.CallExpression; method: ts.MethodDeclaration }

function findFieldAdvancingCalls(model: FileModel): FieldAdvance[] {
  const out: FieldAdvance[] = [];
  // From the methods (few) to their `this.m(...)` calls (by name, from the model's index), not
  // from every call of the file.
  for (const cls of new Set(model.classes.values())) {
    for (const method of cls.members) {
      if (!ts.isMethodDeclaration(method) || !method.body || !(ts.isIdentifier(method.name) || ts.isPrivateIdentifier(method.name))) continue;
      const name = method.name.text;
      const sites = nodesInside(model.callsNamed([name]), cls).filter((call) => {
        const recv = calleeReceiver(call);
        return !!recv && unwrap(recv).kind === ts.SyntaxKind.ThisKeyword && calleeName(call) === name &&
          ownMethod(call, name) === method && model.iterationsAround(call).length > 0;
      });
      if (sites.length === 0) continue;
      const fields = fieldsAdvancedBy(model, method);
      for (const call of sites) for (const f of fields) out.push({ path: `this.${f}`, call, method });
    }
  }
  return out.sort((a, b) => a.call.pos - b.call.pos);
}

/** The method `name` of the class whose code makes `call` (through arrows only: `this` is theirs). */
function ownMethod(call: ts.CallExpression, name: string | undefined): ts.MethodDeclaration | undefined {
  if (!name) return undefined;
  let p: ts.Node | undefined = call.parent;
  while (p && !ts.isClassLike(p)) {
    if (isFunctionLike(p) && !ts.isArrowFunction(p) && !ts.isMethodDeclaration(p)) return undefined;
    p = p.parent;
  }
  return p?.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && !!m.body &&
    (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) && m.name.text === name);
}

/** State-named fields a loop-free method replaces with a value computed from their old value (memoised per method). */
export function fieldsAdvancedBy(model: FileModel, method: ts.MethodDeclaration | FunctionLike): string[] {
  const memo = advancedFieldsMemo(model);
  let fields = memo.get(method);
  if (!fields) memo.set(method, (fields = computeFieldsAdvancedBy(model, method)));
  return fields;
}

const advancedFieldsMemo = lastFileMemo((_model: FileModel) => new Map<ts.Node, string[]>());

/** Also an ES5 method (`Agent.prototype.act = function`): its `this.m()` calls follow the prototype chain. */
function computeFieldsAdvancedBy(model: FileModel, method: ts.MethodDeclaration | FunctionLike): string[] {
  if (!method.body) return [];
  // Only a method that writes a state field can advance one: checked before any dataflow. A loop
  // that computes with tensors or writes the field makes it a whole-sequence method
  // (perSequenceMethodLeaks' case); a plain loop (sampling an action from the probabilities read
  // back) leaves it a one-step method.
  const body = method.body;
  const loops = nodesInside(model.index.loops, body);
  const computes = (loop: ts.Node): boolean => nodesInside(model.calls, loop).some((c) =>
    model.tf.path(c.expression) !== undefined || unwrap(calleeReceiver(c) ?? c).kind === ts.SyntaxKind.ThisKeyword || model.stepCallAt(c) !== undefined);
  if (loops.some(computes)) return [];
  const isState = (f: string): boolean => isStateLikeName(f) || multipliedByWeight(model, body, f);
  let writesState = false;
  for (const w of nodesInside(model.index.writes, body)) {
    const f = ts.isBinaryExpression(w) && w.operatorToken.kind === ts.SyntaxKind.EqualsToken ? thisFieldName(unwrap(w.left)) : undefined;
    if (f === undefined || !isState(f)) continue;
    if (loops.some((l) => isWithin(w, l))) return [];
    writesState = true;
  }
  if (!writesState) return [];
  if (!nodesInside(model.calls, method.body).some((c) => model.tf.path(c.expression) !== undefined)) return [];
  const cls = method.parent;
  const prototypeClass = ts.isClassLike(cls) ? undefined : prototypeClassOf(method);
  const flow = analyzeStep(method, model.tf, undefined, { classNode: ts.isClassLike(cls) ? cls : undefined, prototypeClass, classes: model.classes, scopes: model.scopes });
  return [...flow.fieldSinks].filter(([f, deps]) => deps.has(`this.${f}`) && isState(f)).map(([f]) => f);
}

/**
 * `tf.matMul(this.ctx, this.wCtx)` / `this.ctx.matMul(W)` in the method: the field goes through a
 * weight matrix, as a recurrent state does, whatever its name (`ctx`, `memory`, `summary`). A
 * running statistic (`this.mean.mul(0.9).add(...)`) does not.
 */
function multipliedByWeight(model: FileModel, body: ts.Node, field: string): boolean {
  return nodesInside(model.callsNamed(['matMul', 'dot']), body).some((c) => {
    const recv = calleeReceiver(c);
    const operands = model.tf.fn(c) || !recv ? c.arguments : [recv];
    return operands.some((a) => thisFieldName(unwrap(a)) === field);
  });
}

function findFieldRecurrences(model: FileModel): FieldRecurrence[] {
  const out: FieldRecurrence[] = [];
  for (const { call, assign, target, loop } of storesInLoops(model)) {
    const path = accessPath(target);
    if (!path || !path.startsWith('this.') || path.split('.').length !== 2) continue;
    let read: ts.Expression | undefined;
    walk(call, (n) => {
      if (read) return false;
      if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && accessPath(n) === path) read = n;
      // Through a local the loop copies the field into first (`const x = this.x; this.x = f(x)`).
      else if (ts.isIdentifier(n) && isFieldCopy(model, n, path, loop)) read = n;
    });
    if (read) out.push({ path, read, assign, loop });
  }
  return out;
}

/** Is `id` a `const` of the loop's body initialised with the field at `path` (`const x = this.x`)? */
function isFieldCopy(model: FileModel, id: ts.Identifier, path: string, loop: Iteration): boolean {
  const b = model.scopes.resolve(id);
  const decl = b?.parent;
  return !!decl && ts.isVariableDeclaration(decl) && decl.name === b && !!decl.initializer && isWithin(decl, loop.body) &&
    accessPath(decl.initializer) === path && model.scopes.writes(b, loop.body).length === 0;
}

interface StoredValue { call: ts.CallExpression; assign: ts.BinaryExpression; target: ts.Expression; loop: Iteration }

/**
 * Every tf call of the file whose value is stored back in its loop, found once per model for both
 * kinds of recurrence: `T = call`, or through a local of the loop, `const next = call; ...; T = next`
 * (the idiomatic form that disposes the old value in between). Found from the file's assignments,
 * which are far fewer than its calls.
 */
const storesInLoops = lastFileMemo((model: FileModel): StoredValue[] => {
  const out: StoredValue[] = [];
  for (const w of model.index.writes) {
    if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const right = unwrap(w.right);
    let call: ts.CallExpression | undefined;
    if (ts.isCallExpression(right)) call = right;
    else if (ts.isIdentifier(right)) {
      const b = model.scopes.resolve(right);
      const d = b?.parent;
      const init = d && ts.isVariableDeclaration(d) && d.name === b && d.initializer ? unwrap(d.initializer) : undefined;
      if (init && ts.isCallExpression(init)) call = init;
    }
    if (!call || model.tf.path(call.expression) === undefined) continue;
    const loop = model.iterationsAround(w)[0];
    // Through a local: the local is made in the same iteration that stores it back.
    if (!loop || (call !== right && model.iterationsAround(call)[0]?.node !== loop.node)) continue;
    out.push({ call, assign: w, target: unwrap(w.left), loop });
  }
  return out.sort((a, b) => a.call.pos - b.call.pos || a.assign.pos - b.assign.pos);
});


/**
 * Functions that run a whole sequence from a state they are given: a step call in a time loop whose
 * state argument is a parameter of the function (or a variable initialised from one), advanced in
 * that loop (`function encode(tokens, hidden) { for (...) hidden = cell(x, hidden); return hidden; }`).
 * Function -> the indexes of those parameters.
 */
export const sequenceFunctions = lastFileMemo((model: FileModel): Map<FunctionLike, Set<number>> => {
  const out = new Map<FunctionLike, Set<number>>();
  for (const c of model.stepCalls) {
    const loop = c.iterations[0];
    if (!loop || c.iterations.some((it) => loopRole(it) === 'sequences' || isFanoutLoop(it))) continue;
    const outermost = c.iterations[c.iterations.length - 1]!;
    const fn = model.ownerThroughTidy(outermost.node);
    if (!fn) continue;
    for (const a of c.stateArgs) {
      const e = unwrap(a.expr);
      const b = ts.isIdentifier(e) ? model.scopes.resolve(e) : undefined;
      if (!b || model.scopes.writes(b, outermost.node).length === 0) continue;
      // The parameter itself, or `let h = hidden` before the loop.
      let param: ts.Node | undefined = b.parent;
      if (!ts.isParameter(param)) {
        const init = initializerOf(b);
        const from = init && ts.isIdentifier(unwrap(init)) ? model.scopes.resolve(unwrap(init) as ts.Identifier) : undefined;
        param = from?.parent;
      }
      const index = param && ts.isParameter(param) && param.parent === fn ? fn.parameters.indexOf(param) : -1;
      if (index < 0) continue;
      const set = out.get(fn) ?? new Set<number>();
      set.add(index);
      out.set(fn, set);
    }
  }
  return out;
});
