// Call sites of steps and the iterations around them: which loop unrolls which step, which
// variables carry state across iterations, and what happens to each call's result.
import ts from '../typescript';
import { baseClassOf, enclosingClassOfThis, findMethod, findPrototypeMethod, overriddenBelow, prototypeClasses, prototypeClassOf, prototypeSubclassesOf } from './class-hierarchy';
import { accessPath, accessPathTail, calleeName, objectLiteralMember, calleeReceiver, iteratingCallback, isFunctionLike, isLoop, isWithin, returnedExpressions, unwrap, walk, type FunctionLike, memberName, thisFieldName, isAssignmentOperator, enclosingFunction, thisOwner, declaredMemberName } from './ast';
import { initializerOf, type Scopes } from './scopes';
import { hasToken, isStateLikeName, stateBase, LAYER_LOOP_TOKENS, PASS_THROUGH_CALLS, RNN_CELL_BASES, RNN_CELL_FACTORIES, STEP_NAME_TOKENS } from './tfjs-facts';
import type { TfApi } from './tf-api';
import type { Step } from './steps';
import { indexOf, nodesInside, type Write } from './tree-index';

/** A loop statement, or an iterating array call (`xs.forEach(cb)`) with its callback. */
export interface Iteration {
  node: ts.Node;
  /** The part that runs once per iteration (loop body, or the callback). */
  body: ts.Node;
  callback?: FunctionLike;
  /** A reduce/reduceRight callback: its first parameter, the accumulator, carries state by construction. */
  fold?: boolean;
  /** That accumulator, when it is a plain name (not destructured). */
  accumulator?: ts.Identifier;
  /** Names that describe what is iterated (loop variables, the iterated expression). */
  names: string[];
  /** A timer loop (`setInterval(tick)`, a frame callback scheduling itself): `node` is the function. */
  timer?: boolean;
  /** For a timer loop: the element each run takes off a collection (`const user = users[i++]`, `queue.shift()`). */
  next?: NextElement;
}

/** The element a run of a timer loop takes: what it is called (when bound to a name) and what it is taken from. */
export interface NextElement {
  element?: ts.BindingName;
  collection: ts.Expression;
}

export interface ResultTarget {
  /** 'all' for `h = step(...)`, an element index for `[out, h] = ...`, a key for `{h} = ...`. */
  position: number | string | 'all';
  /** Access path written (`h`, `this.h`), undefined for a target we do not follow. */
  path?: string;
  node: ts.Node;
}

export interface StateArg {
  /** State index in the callee; -1 when the argument spreads all states (`...states`). */
  index: number;
  expr: ts.Expression;
  /** `h`, `this.h`; undefined for other expressions. */
  path?: string;
}

export interface StepCall {
  call: ts.CallExpression;
  /** The resolved step, when the callee is known. */
  step?: Step;
  /** Function node of the callee when resolved (even before it is known to be a step). */
  calleeFn?: FunctionLike;
  stateArgs: StateArg[];
  targets: ResultTarget[];
  /** Iterations around the call, innermost first, up to the enclosing function. */
  iterations: Iteration[];
  /** For fused ops (`tf.multiRNNCell`): the result position of each state index. */
  resultStates?: readonly number[];
}

export function iterationOf(node: ts.Node): Iteration | undefined {
  if (isLoop(node)) {
    const names: string[] = [];
    if ((ts.isForOfStatement(node) || ts.isForInStatement(node))) {
      collectNames(node.initializer, names);
      collectNames(node.expression, names);
    } else if (ts.isForStatement(node)) {
      if (node.initializer) collectNames(node.initializer, names);
      if (node.condition) collectNames(node.condition, names);
    } else if (ts.isWhileStatement(node) || ts.isDoStatement(node)) collectNames(node.expression, names);
    return { node, body: node.statement, names };
  }
  const cb = iteratingCallback(node);
  if (cb && ts.isCallExpression(node)) {
    const names: string[] = [];
    const recv = calleeReceiver(node);
    // `Array.from(xs, cb)` iterates its first argument.
    const iterated = recv && ts.isIdentifier(unwrap(recv)) && (unwrap(recv) as ts.Identifier).text === 'Array' ? node.arguments[0] : recv;
    if (iterated) collectNames(iterated, names);
    for (const p of cb.parameters) collectNames(p.name, names);
    const method = calleeName(node);
    const fold = method === 'reduce' || method === 'reduceRight';
    const acc = fold && cb.parameters[0] && ts.isIdentifier(cb.parameters[0].name) ? cb.parameters[0].name : undefined;
    return { node, body: cb, callback: cb, fold, accumulator: acc, names: acc ? names.filter((n) => n !== acc.text) : names };
  }
  return undefined;
}

export function collectNames(node: ts.Node, out: string[]): void {
  walk(node, (n) => { if (ts.isIdentifier(n)) out.push(n.text); });
}

/** Calls that run their callback once per call: `tf.tidy`, and a promise's continuations. */
const ONCE_CALLBACK_CALLS = new Set(['tidy', 'then', 'catch', 'finally']);

/**
 * Iterations enclosing `node`, innermost first, stopping at the enclosing non-callback function.
 * Analysis code asks the model's memoised `iterationsAround`, whose `iterationAt` (a memoised
 * iterationOf) shares the Iteration of a loop between the calls inside it.
 */
export function enclosingIterations(node: ts.Node, iterationAt: (n: ts.Node) => Iteration | undefined,
                                    timerAt?: (fn: FunctionLike) => Iteration | undefined): Iteration[] {
  const out: Iteration[] = [];
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (isFunctionLike(p)) {
      const call = p.parent;
      const it = ts.isCallExpression(call) ? iterationAt(call) : undefined;
      if (it && it.callback === p) { out.push(it); p = call; child = p; continue; }
      // `tf.tidy(() => ...)` runs its callback once, right there: loops around the tidy repeat it.
      // So does a promise continuation (`chain.then(() => ...)`), later: once per time it is chained.
      if (ts.isCallExpression(call) && call.arguments.includes(p as ts.Expression) && ONCE_CALLBACK_CALLS.has(calleeName(call) ?? '')) { p = call; child = p; continue; }
      // A timer loop's body: the outermost iteration (what set the timer up runs once).
      const timer = timerAt?.(p as FunctionLike);
      if (timer) out.push(timer);
      break;
    }
    if (isLoop(p)) {
      // Only the body repeats; a call in the loop's header (initializer) runs once.
      const body = p.statement;
      if (child === body || (ts.isForStatement(p) && (child === p.condition || child === p.incrementor)) ||
          ((ts.isWhileStatement(p) || ts.isDoStatement(p)) && child === p.expression)) {
        const it = iterationAt(p);
        if (it) out.push(it);
      }
    }
  }
  return out;
}

/** Where the value of `call` goes: `h = call`, `const [o, h] = call`, `h = call[1]`. */
export function resultTargets(call: ts.Expression): ResultTarget[] {
  let node: ts.Node = call;
  let position: number | string | 'all' = 'all';
  for (;;) {
    const p = node.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isAwaitExpression(p) || ts.isSatisfiesExpression(p)) { node = p; continue; }
    if (ts.isElementAccessExpression(p) && p.expression === node && ts.isNumericLiteral(p.argumentExpression) && position === 'all') {
      position = Number(p.argumentExpression.text); node = p; continue;
    }
    if (ts.isPropertyAccessExpression(p) && p.expression === node && position === 'all') { position = p.name.text; node = p; continue; }
    // `const h = tf.tidy(() => step(x, h))` / `tf.keep(step(...))`: the result passes through.
    if (ts.isCallExpression(p) && p.arguments.includes(node as ts.Expression) && PASS_THROUGH_CALLS.has(calleeName(p) ?? '')) { node = p; continue; }
    if ((ts.isArrowFunction(p) && p.body === node) || (ts.isReturnStatement(p) && isTidyCallbackReturn(p))) {
      const fn = ts.isArrowFunction(p) ? p : containingFunction(p);
      const tidy = fn?.parent;
      if (tidy && ts.isCallExpression(tidy) && calleeName(tidy) === 'tidy') { node = tidy; continue; }
    }
    break;
  }
  const p = node.parent;
  const spread = (target: ts.Node, pos: number | string | 'all'): ResultTarget[] => {
    const t = ts.isExpression(target) ? unwrap(target) : target;
    if (ts.isIdentifier(t)) return [{ position: pos, path: t.text, node: t }];
    const field = thisFieldName(t);
    if (field !== undefined) return [{ position: pos, path: `this.${field}`, node: t }];
    if ((ts.isArrayLiteralExpression(t) || ts.isArrayBindingPattern(t)) && pos === 'all') {
      const out: ResultTarget[] = [];
      t.elements.forEach((el, i) => {
        if (ts.isOmittedExpression(el)) return;
        const inner = ts.isBindingElement(el) ? el.name : ts.isSpreadElement(el) ? el.expression : el;
        const isRest = (ts.isBindingElement(el) && el.dotDotDotToken) || ts.isSpreadElement(el);
        out.push(...spread(inner, isRest ? `rest:${i}` : i));
      });
      return out;
    }
    if ((ts.isObjectLiteralExpression(t) || ts.isObjectBindingPattern(t)) && pos === 'all') {
      const out: ResultTarget[] = [];
      for (const el of ts.isObjectBindingPattern(t) ? t.elements : t.properties) {
        if (ts.isBindingElement(el)) {
          const key = el.propertyName ? memberNameOf(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
          if (key !== undefined) out.push(...spread(el.name, key));
        } else if (ts.isShorthandPropertyAssignment(el)) out.push({ position: el.name.text, path: el.name.text, node: el.name });
        else if (ts.isPropertyAssignment(el)) { const key = memberNameOf(el.name); if (key !== undefined) out.push(...spread(el.initializer, key)); }
      }
      return out;
    }
    return [];
  };
  if (ts.isBinaryExpression(p) && p.right === node && isAssignmentOperator(p.operatorToken.kind)) return spread(p.left, position);
  if (ts.isVariableDeclaration(p) && p.initializer === node) return spread(p.name, position);
  return [];
}

function memberNameOf(n: ts.PropertyName): string | undefined {
  return ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n) ? n.text : undefined;
}

function containingFunction(n: ts.Node): ts.Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (isFunctionLike(p)) return p;
  return undefined;
}

function isTidyCallbackReturn(r: ts.ReturnStatement): boolean {
  const fn = containingFunction(r);
  return !!fn && ts.isCallExpression(fn.parent) && calleeName(fn.parent) === 'tidy';
}

/**
 * `cell.call([x, h, c])`, `layer.apply([x, h])`, and a step model run on its states,
 * `model.predict([x, h, c])` (a model built with state inputs and outputs, `returnState`): the
 * tfjs cell convention, inputs `[input, ...states]` and outputs `[output, ...newStates]`. For
 * `predict` every input after the first must be named like a state (a multi-input model otherwise).
 */
export function isArrayStepForm(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (name !== 'call' && name !== 'apply' && name !== 'predict') return false;
  const a0 = call.arguments[0] && unwrap(call.arguments[0]);
  if (!a0 || !ts.isArrayLiteralExpression(a0) || a0.elements.length < 2) return false;
  return name !== 'predict' || a0.elements.slice(1).every((el) => !ts.isSpreadElement(el) && (isStateLikeName(accessPathTail(el) ?? '') || !!indexedStateArray(el)));
}

/** `state[0]` (a numeric index into a state-named array): the array `state`. */
function indexedStateArray(el: ts.Expression): ts.Expression | undefined {
  const u = unwrap(el);
  return ts.isElementAccessExpression(u) && ts.isNumericLiteral(unwrap(u.argumentExpression)) && isStateLikeName(accessPathTail(u.expression) ?? '') ? unwrap(u.expression) : undefined;
}

/**
 * `stepper.predict([x, primed])` in a function that also calls `stepper.predict([x, h])`: the
 * same model takes the same inputs, so the slot another call fills with a state-named value is a
 * state here too. Keyed by the enclosing function and the receiver's path; built once per file.
 */
export function predictStateForms(predictCalls: readonly ts.CallExpression[]): (call: ts.CallExpression) => boolean {
  const known = new Set<string>();
  const key = (call: ts.CallExpression): string | undefined => {
    const recv = calleeReceiver(call);
    const path = recv && accessPath(recv);
    const a0 = call.arguments[0] && unwrap(call.arguments[0]);
    const fn = enclosingFunction(call);
    return path && a0 && ts.isArrayLiteralExpression(a0) ? `${fn?.pos ?? -1}:${path}:${a0.elements.length}` : undefined;
  };
  for (const c of predictCalls) {
    if (calleeName(c) !== 'predict' || !isArrayStepForm(c)) continue;
    const k = key(c);
    if (k) known.add(k);
  }
  return (call) => known.size > 0 && calleeName(call) === 'predict' && !isArrayStepForm(call) && known.has(key(call) ?? '');
}

/** Does `call` look like running a cell one step, even without knowing the callee? */
function looksLikeStepCall(call: ts.CallExpression, cellVar?: (recv: ts.Expression) => boolean): boolean {
  const name = calleeName(call);
  if (!name) return false;
  const recv = calleeReceiver(call);
  // Cheap shape tests first: nearly every call of a file (`tf.matMul`, `x.add`) fails them.
  if (!recv) return call.arguments.length >= 2 && hasToken(name, STEP_NAME_TOKENS);
  const recvNamed = (): boolean => { const t = accessPathTail(recv); return t !== undefined && hasToken(t, STEP_NAME_TOKENS); };
  if (name === 'predict') return isArrayStepForm(call);
  if (name === 'call' || name === 'apply') {
    if (!isArrayStepForm(call)) return false;
    return recvNamed() || !!cellVar?.(recv);
  }
  // `decoder.forward(input, hidden)`: a receiver named like a cell, or a state passed after the input.
  if (name === 'forward' || name === 'step') {
    return call.arguments.length >= 2 && (recvNamed() || call.arguments.slice(1).some((a) => isStateLikeName(accessPathTail(a) ?? '')));
  }
  return false;
}

/** Is argument `i` of a call to an unknown callee a state, by evidence other than its name? */
export type UnknownCalleeState = (call: ts.CallExpression, arg: ts.Expression, i: number) => boolean;

/** The state arguments of a call to `step` (or, unresolved, by shape and names). */
function stateArgsOf(call: ts.CallExpression, step: Step | undefined, cellVar?: (recv: ts.Expression) => boolean, stateByEvidence?: UnknownCalleeState,
                     siblingForm: (call: ts.CallExpression) => boolean = () => false): StateArg[] {
  const out: StateArg[] = [];
  const arg = (expr: ts.Expression, index: number): void => {
    const e = unwrap(expr);
    if (ts.isSpreadElement(e)) out.push({ index: -1, expr: e.expression, path: accessPath(e.expression) });
    else out.push({ index, expr: e, path: accessPath(e) });
  };
  const name = calleeName(call);
  const a0 = call.arguments[0] && unwrap(call.arguments[0]);
  const bySibling = !step && siblingForm(call);
  const arrayForm = (name === 'call' || name === 'apply') ? !!a0 && ts.isArrayLiteralExpression(a0) : isArrayStepForm(call) || bySibling;
  if (step?.kind === 'rnn-cell' || (!step && arrayForm)) {
    if (!a0 || !ts.isArrayLiteralExpression(a0)) return out;
    a0.elements.forEach((el, i) => {
      if (i === 0) return;
      if (ts.isSpreadElement(el)) { arg(el, -1); return; }
      // `model.predict([x, state[0], state[1]])` of an unknown model: the array is the state, once.
      const array = step ? undefined : indexedStateArray(el);
      if (array) {
        if (!out.some((a) => a.path !== undefined && a.path === accessPath(array))) arg(array, i - 1);
        return;
      }
      // `cell.call([x, ...states])`: positions after the input are states (the RNNCell convention).
      if (step ? i - 1 < step.states.length : looksLikeStepCall(call, cellVar) || bySibling || isStateLikeName(accessPathTail(el) ?? '')) arg(el, i - 1);
    });
    return out;
  }
  if (step?.elementState) {
    if (!a0 || !ts.isArrayLiteralExpression(a0)) return out;
    a0.elements.forEach((el, i) => { const k = step.elementState!.get(i); if (k !== undefined) arg(el, k); });
    return out;
  }
  call.arguments.forEach((a, i) => {
    if (step) {
      const k = step.paramState.get(i);
      if (k === undefined) return;
      // `step(x, { h: h, c })`: a state object built at the call; its members carry the state.
      const u = unwrap(a);
      if (ts.isObjectLiteralExpression(u) && u.properties.length > 0) {
        for (const p of u.properties) {
          if (ts.isShorthandPropertyAssignment(p)) arg(p.name, k);
          else if (ts.isPropertyAssignment(p) && accessPath(p.initializer) !== undefined) arg(p.initializer, k);
        }
      } else if (ts.isArrayLiteralExpression(u) && tupleParameter(step, i)) {
        // `step(x, [h, c])` into a tuple parameter (`forward(x, [h, c]: State)`): the tuple is
        // built at the call, so each of its items is the state in that place. An item the step
        // does not take as a state (a mask beside `h`) is passed on purpose, the same every step.
        u.elements.forEach((el, j) => {
          const index = ts.isSpreadElement(el) ? -1 : stateIndexOfRoot(step, `p${i}.${j}`);
          if (index >= 0 || ts.isSpreadElement(el)) arg(el, index);
        });
      } else arg(a, k);
    }
    // Unknown callee: a state by name, or by other evidence (a zero tensor made to start the
    // recurrence, a parameter its declared type names as a state). A declared type may put the
    // state first (a reducer's `(state, event) => state`).
    else if (i > 0 && (isStateLikeName(accessPathTail(a) ?? '') || !!stateByEvidence?.(call, a, i))) arg(a, i - 1);
    else if (i === 0 && call.arguments.length > 1 && !!stateByEvidence?.(call, a, 0)) arg(a, 0);
  });
  return out;
}

/** Does the step take parameter `i` as a tuple of states, destructured where it is declared (`[h, c]: State`)? */
function tupleParameter(step: Step, i: number): boolean {
  const name = step.fn.parameters[i]?.name;
  return !!name && ts.isArrayBindingPattern(name) && step.states.some((s) => s.root.startsWith(`p${i}.`));
}

/** The index of the step's state with this root (`p1.0`), or -1 when the step takes no state there. */
function stateIndexOfRoot(step: Step, root: string): number {
  return step.states.find((s) => s.root === root)?.index ?? -1;
}

/** Resolves the function a call runs: `step(...)`, `cell.forward(...)` with `cell = new C()`. */
export function resolveCallee(call: ts.CallExpression, scopes: Scopes, classes: Map<string, ts.ClassLikeDeclaration>): FunctionLike | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) {
    const b = scopes.resolve(callee);
    if (!b) return undefined;
    const declared = declaredFunction(b);
    if (declared) return declared;
    const d = b.parent;
    if (ts.isVariableDeclaration(d) && d.name === b && d.initializer) {
      const init = unwrap(d.initializer);
      // `const cell = makeCell(W, U)`: the function the factory returns.
      if (ts.isCallExpression(init) && ts.isIdentifier(unwrap(init.expression))) {
        const factory = resolveCallee(init, scopes, classes);
        return factory && returnedFunction(factory);
      }
    }
    return undefined;
  }
  const method = memberName(callee);
  const recv = calleeReceiver(call);
  if (!method || !recv) return undefined;
  const want = method === 'apply' ? 'call' : method;
  const cls = classOfValue(recv, scopes, classes);
  if (cls) return findMethod(cls, want, classes);
  // `var agent = new Agent(policy)` of an ES5 class, or `this`/`self` in one of its prototype
  // methods: its prototype's method (or an inherited one).
  const es5 = prototypeClassOfValue(recv, scopes) ?? prototypeClassOfThis(recv);
  if (es5) return findPrototypeMethod(call.getSourceFile(), es5, want);
  // Receiver of unknown class (`model.forward(x, h)` with `model` a parameter): when exactly one
  // class of the file defines the method, that is the one. `call`/`apply` only in the cell form.
  const a0 = call.arguments[0] && unwrap(call.arguments[0]);
  if ((want === 'call') && !(a0 && ts.isArrayLiteralExpression(a0) && a0.elements.length >= 2)) return undefined;
  const defs: FunctionLike[] = [...(methodsByName(classes).get(want) ?? [])];
  // ES5 classes: `Elman.prototype.forward = function (x, h) {...}`.
  if (defs.length === 0) defs.push(...(prototypeMethods(call.getSourceFile()).get(want) ?? []));
  // Objects built as literals (`return { params, decodeStep }` from a factory): their function members.
  if (defs.length === 0) defs.push(...literalMemberFunctions(call.getSourceFile(), want, scopes));
  const only = defs.length === 1 ? defs[0]! : undefined;
  return only && (want === 'call' || call.arguments.length <= only.parameters.length) ? only : undefined;
}

/**
 * The method `name` that `recv` runs when its class is known for certain: `new C()`, a variable
 * made by one or declared `: C`, a parameter typed `C`, a field holding one (class or ES5 prototype
 * class), and no subclass of the file overrides the method. Unlike resolveCallee: no guess for a
 * receiver of unknown class, and `apply` is the method of that name. Not for `this`/`super`.
 */
export function knownClassMethod(recv: ts.Expression, name: string, scopes: Scopes, classes: Map<string, ts.ClassLikeDeclaration>): FunctionLike | undefined {
  const r = unwrap(recv);
  if (r.kind === ts.SyntaxKind.ThisKeyword || r.kind === ts.SyntaxKind.SuperKeyword) return undefined;
  const made = ts.isNewExpression(r) && ts.isIdentifier(r.expression) ? r.expression.text : undefined;
  const cls = made !== undefined ? classes.get(made) : classOfValue(r, scopes, classes);
  if (cls) return overriddenBelow(cls, name, classes) ? undefined : findMethod(cls, name, classes);
  const es5 = made !== undefined ? (prototypeClasses(r.getSourceFile()).has(made) ? made : undefined) : prototypeClassOfValue(r, scopes);
  return es5 ? unoverriddenPrototypeMethod(r.getSourceFile(), es5, name) : undefined;
}

/**
 * `this.gate(...)` (or `self.gate(...)` after `var self = this`) written in a prototype method of
 * an ES5 class (`X.prototype.step = function () {...}`): the prototype method it runs, as
 * `this.gate(...)` in a class method runs the class's. Undefined outside such a method.
 */
export function thisPrototypeMethod(recv: ts.Expression, name: string): FunctionLike | undefined {
  const es5 = prototypeClassOfThis(recv);
  return es5 ? unoverriddenPrototypeMethod(recv.getSourceFile(), es5, name) : undefined;
}

/**
 * The method `name` of ES5 class `es5` (its own or inherited), unless a prototype subclass of the
 * file overrides it: which code runs then depends on the instance, so no one method answers.
 */
function unoverriddenPrototypeMethod(sf: ts.SourceFile, es5: string, name: string): FunctionLike | undefined {
  const protos = prototypeClasses(sf);
  return prototypeSubclassesOf(sf, es5).some((sub) => protos.get(sub)?.methods.has(name)) ? undefined : findPrototypeMethod(sf, es5, name);
}

/**
 * The functions object literals of the file hold under `name`: `{ step: (x, h) => ... }`,
 * `{ step(x, h) {...} }`, or `{ decodeStep }` with `const decodeStep = (x, h) => ...`.
 */
function literalMemberFunctions(sf: ts.SourceFile, name: string, scopes: Scopes): FunctionLike[] {
  const out: FunctionLike[] = [];
  for (const m of objectLiteralMembers(sf).get(name) ?? []) {
    if (ts.isMethodDeclaration(m)) { if (m.body) out.push(m); continue; }
    const value = ts.isShorthandPropertyAssignment(m) ? m.name : unwrap(m.initializer);
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) { out.push(value); continue; }
    const b = ts.isIdentifier(value) ? scopes.resolve(value) : undefined;
    const declared = b && declaredFunction(b);
    if (declared) out.push(declared);
  }
  return out;
}

/** The function a name is declared as: `function step(...)`, or `const step = (x, h) => ...` / `= function`. */
/** The function of the file a name refers to when passed as a value (`xs.map(encode)`), else undefined. */
export function referencedFunction(e: ts.Expression, scopes: Scopes): FunctionLike | undefined {
  const u = unwrap(e);
  const b = ts.isIdentifier(u) ? scopes.resolve(u) : undefined;
  return b && declaredFunction(b);
}

function declaredFunction(b: ts.Identifier): FunctionLike | undefined {
  const d = b.parent;
  if (ts.isFunctionDeclaration(d)) return d;
  const init = ts.isVariableDeclaration(d) && d.name === b && d.initializer ? unwrap(d.initializer) : undefined;
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

/** `{ step(x, h) {...} }` / `{ step: (x, h) => ... }`: a function written inside an object literal. */
function isObjectLiteralMember(fn: FunctionLike): boolean {
  const p = fn.parent;
  return ts.isObjectLiteralExpression(p) || (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent));
}

/** Members of the file's object literals by name (found once per file, when a call needs them). */
const objectLiteralMembers = lastFileMemo((sf: ts.SourceFile): Map<string, (ts.PropertyAssignment | ts.ShorthandPropertyAssignment | ts.MethodDeclaration)[]> => {
  const found = new Map<string, (ts.PropertyAssignment | ts.ShorthandPropertyAssignment | ts.MethodDeclaration)[]>();
  // From the file's index when it has one (no walk); else one walk for the literals.
  let literals = indexOf(sf)?.objectLiterals;
  if (!literals) {
    const all: ts.ObjectLiteralExpression[] = [];
    walk(sf, (n) => { if (ts.isObjectLiteralExpression(n)) all.push(n); });
    literals = all;
  }
  for (const n of literals) {
    for (const p of n.properties) {
      if (!(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isMethodDeclaration(p)) || !ts.isIdentifier(p.name)) continue;
      const list = found.get(p.name.text) ?? [];
      list.push(p);
      found.set(p.name.text, list);
    }
  }
  return found;
});

/** For a variable made by `new X(...)` where `X` is an ES5 class of the file (`X.prototype.m = function`): `X`. */
function prototypeClassOfValue(expr: ts.Expression, scopes: Scopes): string | undefined {
  const e = unwrap(expr);
  const d = ts.isIdentifier(e) ? scopes.resolve(e)?.parent : undefined;
  const init = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : undefined;
  if (!init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) return undefined;
  const name = init.expression.text;
  return prototypeClasses(e.getSourceFile()).has(name) ? name : undefined;
}

/** `this` (or `self` after `var self = this`) in a prototype method `X.prototype.m = function`: `X`. */
function prototypeClassOfThis(expr: ts.Expression): string | undefined {
  const owner = thisOwner(unwrap(expr));
  return owner && prototypeClassOf(owner);
}

/**
 * One-entry memo for per-file indexes: it holds the file being linted and drops it when the next
 * one comes. (A module-level WeakMap kept every file's AST alive until a full GC: +40-90 MB of
 * server RSS with 200 files open.)
 */
export function lastFileMemo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key) => {
    if (key !== lastKey) {
      lastValue = compute(key);
      lastKey = key;
    }
    return lastValue as V;
  };
}

/** Method name -> the methods (with a body) of the file's classes that define it, built once. */
const methodsByName = lastFileMemo((classes: Map<string, ts.ClassLikeDeclaration>): Map<string, ts.MethodDeclaration[]> => {
  const index = new Map<string, ts.MethodDeclaration[]>();
  for (const cls of new Set(classes.values())) {
    const seen = new Set<string>();
    for (const m of cls.members) {
      if (!ts.isMethodDeclaration(m) || !m.body || !ts.isIdentifier(m.name) || seen.has(m.name.text)) continue;
      seen.add(m.name.text); // the first definition wins, as methodOf finds it
      const list = index.get(m.name.text);
      if (list) list.push(m);
      else index.set(m.name.text, [m]);
    }
  }
  return index;
});

/** `X.prototype.m = function () {}` assignments of a file, by method name. */
const prototypeMethods = lastFileMemo((sf: ts.SourceFile): Map<string, FunctionLike[]> => {
  const found = new Map<string, FunctionLike[]>();
  if (sf.text.includes('.prototype.')) {
    walk(sf, (n) => {
      if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
      const left = n.left;
      const right = unwrap(n.right);
      if (!ts.isPropertyAccessExpression(left) || !ts.isPropertyAccessExpression(left.expression) || left.expression.name.text !== 'prototype') return;
      if (!ts.isFunctionExpression(right) && !ts.isArrowFunction(right)) return;
      const list = found.get(left.name.text) ?? [];
      list.push(right);
      found.set(left.name.text, list);
    });
  }
  return found;
});

/** The function a factory returns: `(W) => (x, h) => ...` or `function f(W) { return (x, h) => ...; }`. */
export function returnedFunction(factory: FunctionLike): FunctionLike | undefined {
  const u = finalReturn(factory);
  return u && (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) ? u : undefined;
}

/**
 * The names of what a function returns at its end, when every one is known: the keys of
 * `{ token, s: sNext }`, the names in `[y, h]` (through a `tf.tidy` callback's return).
 */
function returnedNames(fn: FunctionLike): string[] | undefined {
  const r = finalResult(fn);
  if (!r) return undefined;
  if (ts.isObjectLiteralExpression(r)) {
    const keys = r.properties.map((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined);
    return keys.length > 1 && keys.every((k) => k !== undefined) ? keys as string[] : undefined;
  }
  if (ts.isArrayLiteralExpression(r)) {
    const names = r.elements.map((e) => (ts.isIdentifier(unwrap(e as ts.Expression)) ? (unwrap(e as ts.Expression) as ts.Identifier).text : undefined));
    return names.length > 1 && names.every((k) => k !== undefined) ? names as string[] : undefined;
  }
  return undefined;
}

/** What a function returns at its end, seen through a `tf.tidy` callback it returns the result of. */
function finalResult(fn: FunctionLike): ts.Expression | undefined {
  const r = finalReturn(fn);
  if (!r || !ts.isCallExpression(r) || calleeName(r) !== 'tidy') return r;
  const cb = r.arguments[r.arguments.length - 1];
  return cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) ? finalReturn(cb) : undefined;
}

/**
 * Does `fn` end by returning one value (a tensor, not a tuple or an object of several)? Then it
 * can hand back the new value of one state at most.
 */
export function returnsOneValue(fn: FunctionLike): boolean {
  const r = finalResult(fn);
  return !!r && !ts.isArrayLiteralExpression(r) && !ts.isObjectLiteralExpression(r);
}

/**
 * Does `fn` only pack its arguments, in order, into the array it returns? `tuple(...items) { return
 * items; }`, `(...xs) => [...xs]`, `pair(a, b) { return [a, b]; }`: then a call to it is the array
 * literal of its arguments, written another way (code ported from Python spells tuples so).
 * Memoised per function node, as several rules ask it of the same helpers.
 */
export function returnsItsArguments(fn: FunctionLike): boolean {
  let known = packingMemo.get(fn);
  if (known === undefined) packingMemo.set(fn, known = packsArguments(fn));
  return known;
}

const packingMemo = new WeakMap<FunctionLike, boolean>();

function packsArguments(fn: FunctionLike): boolean {
  const returned = ts.isConstructorDeclaration(fn) ? undefined : returnedExpressions(fn);
  // One way out only: a helper that returns its arguments on one path and something else on
  // another is not a spelling of an array literal.
  if (!returned || returned.length !== 1) return false;
  const r = unwrap(returned[0]!);
  const params = fn.parameters;
  if (params.some((p) => !ts.isIdentifier(p.name) || p.initializer)) return false;
  const names = params.map((p) => (p.name as ts.Identifier).text);
  const rest = params.length === 1 && params[0]!.dotDotDotToken ? names[0] : undefined;
  if (rest !== undefined && ts.isIdentifier(r)) return r.text === rest;
  if (!ts.isArrayLiteralExpression(r)) return false;
  if (rest !== undefined) return r.elements.length === 1 && ts.isSpreadElement(r.elements[0]!) && ts.isIdentifier(unwrap(r.elements[0].expression)) && (unwrap(r.elements[0].expression) as ts.Identifier).text === rest;
  return params.length > 1 && !params.some((p) => p.dotDotDotToken) && r.elements.length === names.length
    && r.elements.every((el, k) => ts.isIdentifier(el) && el.text === names[k]);
}

/** What a function returns at its end: an arrow's expression body, or its last statement's `return` (unwrapped). */
export function finalReturn(fn: FunctionLike): ts.Expression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return unwrap(body);
  const last = body.statements[body.statements.length - 1];
  return last && ts.isReturnStatement(last) && last.expression ? unwrap(last.expression) : undefined;
}

/**
 * The class of `new C()` bound to an identifier or a `this.field` (assigned in the class); of
 * `this` (the enclosing class) and `super` (its base, where `super.m()` starts looking).
 */
function classOfValue(expr: ts.Expression, scopes: Scopes, classes: Map<string, ts.ClassLikeDeclaration>): ts.ClassLikeDeclaration | undefined {
  const e = unwrap(expr);
  // `this.step(...)` inside a class (arrow callbacks keep `this`; nested functions do not:
  // in `X.prototype.run = function () {...}` the unknown-receiver fallback finds the method).
  if (e.kind === ts.SyntaxKind.ThisKeyword) return enclosingClassOfThis(e);
  if (e.kind === ts.SyntaxKind.SuperKeyword) {
    const cls = enclosingClassOfThis(e);
    return cls && baseClassOf(cls, classes);
  }
  if (ts.isIdentifier(e)) {
    const b = scopes.resolve(e);
    const d = b?.parent;
    if (d && ts.isVariableDeclaration(d)) return classOfNew(d.initializer, classes) ?? classOfType(d.type, classes);
    if (d && ts.isParameter(d) && d.name === b) return classOfType(d.type, classes);
    return undefined;
  }
  const field = thisFieldName(e);
  if (field !== undefined) {
    let cls: ts.Node | undefined = e.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    return cls ? fieldClasses(classes, cls as ts.ClassLikeDeclaration).get(field) : undefined;
  }
  return undefined;
}

/**
 * The class of each field of `cls` that holds an instance of a class of the file: the first of
 * `this.f = new C()`, `f = new C()` / `f: C`, `constructor(private f: C)` in the class, found in
 * one walk per class and file (a walk per `this.f.m()` call was 8% of the lint on real code).
 */
function fieldClasses(classes: Map<string, ts.ClassLikeDeclaration>, cls: ts.ClassLikeDeclaration): Map<string, ts.ClassLikeDeclaration> {
  const perClass = fieldClassMemo(classes);
  let fields = perClass.get(cls);
  if (fields) return fields;
  fields = new Map();
  perClass.set(cls, fields);
  const found = fields;
  const note = (name: string, c: ts.ClassLikeDeclaration | undefined): void => { if (c && !found.has(name)) found.set(name, c); };
  walk(cls, (n) => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const f = thisFieldName(n.left);
      if (f !== undefined) note(f, classOfNew(n.right, classes));
    } else if (ts.isPropertyDeclaration(n) && declaredMemberName(n) !== undefined) note(declaredMemberName(n)!, classOfNew(n.initializer, classes) ?? classOfType(n.type, classes));
    // `constructor(private readonly cell: GRUCell)`.
    else if (ts.isParameter(n) && ts.isIdentifier(n.name) && ts.getModifiers(n)?.length) note(n.name.text, classOfType(n.type, classes));
  });
  return fields;
}

/** `new GRUCell(...)`: the class of the file it makes. */
function classOfNew(init: ts.Expression | undefined, classes: Map<string, ts.ClassLikeDeclaration>): ts.ClassLikeDeclaration | undefined {
  const u = init && unwrap(init);
  return u && ts.isNewExpression(u) && ts.isIdentifier(u.expression) ? classes.get(u.expression.text) : undefined;
}

/** `decoder: AttnDecoder`: a parameter, variable or field typed with a class of the file. */
function classOfType(type: ts.TypeNode | undefined, classes: Map<string, ts.ClassLikeDeclaration>): ts.ClassLikeDeclaration | undefined {
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? classes.get(type.typeName.text) : undefined;
}

const fieldClassMemo = lastFileMemo((_classes: Map<string, ts.ClassLikeDeclaration>) => new Map<ts.ClassLikeDeclaration, Map<string, ts.ClassLikeDeclaration>>());

/** What findStepCalls needs to know about a call's surroundings, memoised by the model. */
export interface CallSurroundings {
  iterationsAround(node: ts.Node): Iteration[];
  resultTargetsOf(call: ts.CallExpression): ResultTarget[];
}

/**
 * Use evidence for step discovery: per callee, the parameter indexes that a loop feeds the call's
 * result back into (`h = step(x, h)`, or through a part of it, `const [y, hNew] = step(x, h); h = hNew`).
 * `writes`: the file's writes, for that second hop.
 */
export function fedBackByCallee(calls: readonly ts.CallExpression[], resolve: (call: ts.CallExpression) => FunctionLike | undefined,
                                where: CallSurroundings, writes: readonly Write[], scopes?: Scopes): Map<ts.Node, Set<number>> {
  const fedBack = new Map<ts.Node, Set<number>>();
  for (const call of calls) {
    const calleeFn = resolve(call);
    if (!calleeFn || !isPotentialStep(calleeFn)) continue;
    const iterations = where.iterationsAround(call);
    // A loop over the layers of a stack hands each layer's output to the next layer as its input
    // (`inp = h_l`): that is depth, not time, and the input is not a state.
    if (iterations.length > 0 && iterations[0]!.names.some((n) => hasToken(n, LAYER_LOOP_TOKENS))) continue;
    const idx = iterations.length === 0 ? fieldFedBackParams(call, where, writes)
      : fedBackParams({ call, calleeFn, iterations, targets: where.resultTargetsOf(call) }, writes, where, scopes);
    if (idx.length === 0) continue;
    const set = fedBack.get(calleeFn) ?? new Set<number>();
    for (const i of idx) set.add(i);
    fedBack.set(calleeFn, set);
  }
  return fedBack;
}

/** Every call that runs a step (known, or shaped like one), with the iterations around it. */
export function findStepCalls(calls: readonly ts.CallExpression[], resolve: (call: ts.CallExpression) => FunctionLike | undefined, stepsByFn: Map<ts.Node, Step>,
                              where: CallSurroundings, cellVar: (recv: ts.Expression) => boolean, stateByEvidence: UnknownCalleeState,
                              fused: (call: ts.CallExpression) => readonly number[] | undefined,
                              fedBack: (call: ts.CallExpression) => boolean = () => false,
                              siblingForm: (call: ts.CallExpression) => boolean = () => false): StepCall[] {
  const out: StepCall[] = [];
  for (const n of calls) {
    const fusedArgs = fused(n);
    if (fusedArgs) {
      const stateArgs: StateArg[] = [];
      fusedArgs.forEach((i, k) => { const a = n.arguments[i]; if (a) stateArgs.push({ index: k, expr: unwrap(a), path: accessPath(a) }); });
      out.push({ call: n, stateArgs, targets: where.resultTargetsOf(n), iterations: where.iterationsAround(n), resultStates: fusedArgs.map((_, k) => k) });
      continue;
    }
    let calleeFn = resolve(n);
    const step = calleeFn ? stepsByFn.get(calleeFn) : undefined;
    // A member of an object literal found by its name alone (`cell.step(x, s)` with `{ async step(f, { h, t }) {...} }`
    // somewhere in the file) that is not a step of the file: judged by the call's shape, like a call of an unknown callee.
    if (calleeFn && !step && isObjectLiteralMember(calleeFn)) calleeFn = undefined;
    if (!step && !(calleeFn ? isPotentialStep(calleeFn) : looksLikeStepCall(n, cellVar) || fedBack(n) || siblingForm(n))) continue;
    let stateArgs = stateArgsOf(n, step, cellVar, stateByEvidence, siblingForm);
    // A function of the file found to carry no state: a state-named argument whose parameter has
    // no slot in what it returns (`decodeStep(prev, s, memory, mask)` returning `{ token, s }`) is
    // an input passed every step (an attention memory), not a state.
    if (calleeFn && !step && stateArgs.length > 0) {
      const slots = returnedNames(calleeFn);
      if (slots) stateArgs = stateArgs.filter((a) => { const p = calleeFn.parameters[a.index + 1]?.name; return !(p && ts.isIdentifier(p) && !slots.some((s) => stateBase(s) === stateBase(p.text))); });
    }
    out.push({ call: n, step, calleeFn, stateArgs, targets: where.resultTargetsOf(n), iterations: where.iterationsAround(n) });
  }
  return out;
}

/**
 * A call whose callee is not known (`policy.act(obs, hidden)` on a parameter) but whose loop feeds
 * its result back into a state-named argument: `hidden = step(...)`, or through the result's parts,
 * `const { action, h } = policy.act(obs, hidden); hidden = h;`. That feed-back is the evidence of a step.
 */
export function fedBackUnresolved(call: ts.CallExpression, where: CallSurroundings, writes: readonly Write[],
                                  isTfCall: (call: ts.CallExpression) => boolean): boolean {
  // The tf API itself (`tf.add(x, h)`) is no step, whatever its result feeds (its path is cached).
  if (call.arguments.length < 2 || isTfCall(call)) return false;
  // A result that goes nowhere cannot be fed back: checked before the names are split into tokens.
  const results = new Set(where.resultTargetsOf(call).map((t) => t.path).filter((p): p is string => !!p));
  if (results.size === 0) return false;
  const args = call.arguments.slice(1).map((a) => unwrap(a)).filter((a): a is ts.Identifier => ts.isIdentifier(a) && isStateLikeName(a.text));
  if (args.length === 0) return false;
  const loop = where.iterationsAround(call)[0];
  if (!loop) return false;
  if (args.some((a) => results.has(a.text))) return true;
  for (const [left, right] of nameCopies(writes, loop)) if (results.has(right) && args.some((a) => a.text === left)) return true;
  return false;
}

/**
 * The loop's copies of one name into another (`h = hNew`), as [left, right] in source order: where
 * a part of a step's result is relayed into the state. From the index (binary search), not a walk.
 */
function* nameCopies(writes: readonly Write[], loop: Iteration): Iterable<[string, string]> {
  for (const w of nodesInside(writes, loop.body)) {
    if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = unwrap(w.left);
    const right = copiedName(w.right);
    if (ts.isIdentifier(left) && right !== undefined) yield [left.text, right];
  }
}

/** The name a value copies: `hNew`, or the result `res` a part of which it is (`res[1]`, `out.h`). */
function copiedName(value: ts.Expression): string | undefined {
  let right = unwrap(value);
  if ((ts.isElementAccessExpression(right) || ts.isPropertyAccessExpression(right)) && ts.isIdentifier(unwrap(right.expression))) right = unwrap(right.expression);
  return ts.isIdentifier(right) ? right.text : undefined;
}

/** `const init = tf.zeros([1, units])`: a variable holding a zero tensor (a recurrence's start). */
export function isZeroStateVar(e: ts.Expression, scopes: Scopes, tf: TfApi): boolean {
  const u = unwrap(e);
  if (!ts.isIdentifier(u)) return false;
  const d = scopes.resolve(u)?.parent;
  const init = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : undefined;
  return !!init && ts.isCallExpression(init) && /^zeros(Like)?$/.test(tf.fn(init) ?? '');
}

/**
 * A variable that a function of the file named for a state starts (`const restored =
 * restoreState()`, `const h0 = initialHidden()`): made to start the recurrence, like a zero
 * tensor, whatever the variable's own name. Only a plain call of a function declared in the file,
 * so that the name is the file's own word for what it returns.
 */
export function isStateFactoryVar(e: ts.Expression, scopes: Scopes): boolean {
  const u = unwrap(e);
  if (!ts.isIdentifier(u)) return false;
  const d = scopes.resolve(u)?.parent;
  const init = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : undefined;
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || !isStateLikeName(init.expression.text)) return false;
  const callee = scopes.resolve(init.expression)?.parent;
  return !!callee && ts.isFunctionDeclaration(callee);
}

/** A variable or field holding a tfjs cell: `const back = tf.layers.gruCell({...})`, `this.cell = tf.layers.lstmCell(...)`. */
export function isCellValue(recv: ts.Expression, scopes: Scopes, tf: TfApi): boolean {
  return isLayerValue(recv, scopes, tf, RNN_CELL_FACTORIES, RNN_CELL_BASES);
}

/**
 * A variable or field holding a layer one of `factories` makes (`const gru = tf.layers.gru({...})`,
 * `this.cell = tf.layers.lstmCell(...)`), or typed as one of `typedAs` (`cell: tf.layers.RNNCell`).
 */
export function isLayerValue(recv: ts.Expression, scopes: Scopes, tf: TfApi, factories: ReadonlySet<string>, typedAs: ReadonlySet<string> = new Set()): boolean {
  const e = unwrap(recv);
  const isFactory = (init: ts.Expression | undefined): boolean => {
    const u = init && unwrap(init);
    const f = u && ts.isCallExpression(u) ? tf.layerFactory(u) : undefined;
    return f !== undefined && factories.has(f);
  };
  const typed = (d: ts.Node | undefined): boolean => {
    const t = d && (ts.isParameter(d) || ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d)) ? d.type : undefined;
    if (!t || !ts.isTypeReferenceNode(t)) return false;
    const name = ts.isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text;
    return typedAs.has(name);
  };
  if (ts.isIdentifier(e)) {
    const d = scopes.resolve(e)?.parent;
    return !!d && ((ts.isVariableDeclaration(d) && isFactory(d.initializer)) || typed(d));
  }
  const field = thisFieldName(e);
  if (field === undefined) return false;
  let cls: ts.Node | undefined = e.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  let found = false;
  if (cls) walk(cls, (n) => {
    if (found) return false;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && thisFieldName(n.left) === field && isFactory(n.right)) found = true;
    if (ts.isPropertyDeclaration(n) && declaredMemberName(n) === field && (isFactory(n.initializer) || typed(n))) found = true;
    if (ts.isParameter(n) && ts.isIdentifier(n.name) && n.name.text === field && n.modifiers?.length && typed(n)) found = true;
  });
  return found;
}

function isPotentialStep(fn: FunctionLike): boolean {
  return fn.parameters.length >= 1;
}

/** Parameter indexes that a loop feeds the call's result back into (`h = step(x, h)`). */
function fedBackParams(call: Pick<StepCall, 'call' | 'calleeFn' | 'iterations' | 'targets'>, writes: readonly Write[], where: CallSurroundings, scopes?: Scopes): number[] {
  if (call.iterations.length === 0 || !call.calleeFn) return [];
  const written = new Set(call.targets.map((t) => t.path).filter((p): p is string => !!p));
  const direct = fedBackArgs(call.call, call.calleeFn, call.iterations, written);
  if (direct.length > 0 || written.size === 0) return direct;
  // `h = hNew` in the loop, `hNew` a part of the result: `h` is fed the result too (looked for only
  // when nothing is fed back directly, the usual case).
  for (const [left, right] of nameCopies(writes, call.iterations[0]!)) if (written.has(right)) written.add(left);
  // The same through a reduce's accumulator: `acc.h = h` (or `return { h }`), read as `acc.h`.
  if (scopes) for (const c of accumulatorCarriers(call.iterations[0]!, writes, scopes)) if (receivesResult(c, written)) written.add(c.carrier);
  const copied = fedBackArgs(call.call, call.calleeFn, call.iterations, written);
  if (copied.length > 0) return copied;
  const initial = scopes ? fedBackToInitial(call.call, call.iterations[0]!, written, writes, scopes) : [];
  if (initial.length > 0) return initial;
  // Out of a tidy callback into a field (`const [h, a] = tf.tidy(() => [core(x, this.h), ...]); this.h = h`).
  return fedBackArgs(call.call, call.calleeFn, call.iterations, resultCarriers(call.call, where, writes, call.iterations[0]!.body));
}

/**
 * `let y = y0; for (...) { const yn = euler(p, y0, I[k]); y = yn; }`: on every iteration the loop
 * hands the result to the variable that starts as one of the arguments, so that argument is the
 * state the loop means to carry (passing the start instead is stale-state's report). Only a write
 * at the top level of the loop body, made on every iteration: a conditional one keeps the best of
 * several tries from the same start. The carrier may be a member of a reduce's accumulator seeded
 * with the argument (`ys.reduce((acc, y) => { const [yh, m] = step(m0, y); acc.m = m; return acc; },
 * { out: [], m: m0 })`), and the argument may come first when the input is another argument, taken
 * per step from what the loop iterates (`step(m0, y)`).
 */
function fedBackToInitial(call: ts.CallExpression, loop: Iteration, written: ReadonlySet<string>, writes: readonly Write[], scopes: Scopes): number[] {
  const out = new Set<number>();
  const stateFirst = stateMayComeFirst(call, loop);
  for (const c of loopCarriers(loop, writes, scopes)) {
    const start = c.start;
    if (!start || !receivesResult(c, written)) continue;
    // A call that reads the carrier itself already carries the state: the start passed beside it
    // is another input (`dec(y, acc.h, enc)` with the seed `{ h: enc }`: the encoder's final state
    // as a context on every step).
    if (call.arguments.some((a) => accessPath(a) === c.carrier)) continue;
    call.arguments.forEach((a, i) => {
      const id = unwrap(a);
      if ((i > 0 || stateFirst) && ts.isIdentifier(id) && id.text === start.text && scopes.resolve(id) === start) out.add(i);
    });
  }
  return [...out];
}

/** Does the carrier receive the call's result (`written`: the names the result is bound or copied to)? */
function receivesResult(c: LoopCarrier, written: ReadonlySet<string>): boolean {
  return written.has(c.carrier) || c.values.every((v) => written.has(copiedName(v) ?? ''));
}

/** A place that carries a value from one iteration of a loop to the next. */
export interface LoopCarrier {
  /** How the next iteration reads it: `y`, `acc.m`, or `m` of a destructured accumulator `({ m }, y)`. */
  carrier: string;
  /** The binding it is read through (the variable `y`, the accumulator `acc`, the destructured `m`). */
  binding: ts.Identifier;
  /** The binding of the name it starts as (`y0` of `let y = y0`, `m0` of a reduce seeded with `{ m: m0 }`), if a name. */
  start?: ts.Identifier;
  /** What each iteration stores in it (`yn` of `y = yn`; one per return of a reducer). */
  values: ts.Expression[];
}

/**
 * Places the loop writes on every iteration (a statement of the loop body itself, not inside an
 * `if`) and reads on the next: variables from outside the loop that start as another variable
 * (`let y = y0; for (...) { ...; y = yn; }`), and the members of a reduce's accumulator (see
 * accumulatorCarriers). Use evidence for steps, and stale-state's suggestions.
 */
export function loopCarriers(loop: Iteration, writes: readonly Write[], scopes: Scopes): LoopCarrier[] {
  const out: LoopCarrier[] = [];
  for (const w of topLevelAssignments(loop, writes)) {
    if (!ts.isIdentifier(w.left)) continue;
    const b = scopes.resolve(w.left);
    const init = b && initializerOf(b);
    const start = init && ts.isIdentifier(unwrap(init)) ? scopes.resolve(unwrap(init) as ts.Identifier) : undefined;
    if (b && !isWithin(b, loop.node) && start) out.push({ carrier: w.left.text, binding: b, start, values: [w.right] });
  }
  out.push(...accumulatorCarriers(loop, writes, scopes));
  return out;
}

/** `x = v` statements of the loop body itself (for a callback, of its block), which run on every iteration. */
function topLevelAssignments(loop: Iteration, writes: readonly Write[]): ts.BinaryExpression[] {
  const block = loop.callback ? loop.callback.body : loop.body;
  if (!block || !ts.isBlock(block)) return [];
  return nodesInside(writes, block).filter((w): w is ts.BinaryExpression => ts.isBinaryExpression(w) &&
    w.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isExpressionStatement(w.parent) && w.parent.parent === block);
}

/** A member of a reduce's accumulator that carries a value: `key` names it in the accumulator. */
export interface AccumulatorCarrier extends LoopCarrier { key: string }

/**
 * The members of a reduce's accumulator that each call of the reducer sets for the next: with a
 * plain-name accumulator that every return hands on, its members assigned by a statement of the
 * reducer's body (`acc.m = m; return acc;`); else a key that every object literal the reducer
 * returns sets (`return { out: [...acc.out, yh], m }`), unless it hands the incoming value on
 * (`{ h: acc.h }`, `{ h }` from `({ h }, x)`). Only keys the seed has (inline, or a name made as
 * a literal): the first call reads them there. `start` is the seed's value at the key, when a name.
 */
export function accumulatorCarriers(loop: Iteration, writes: readonly Write[], scopes: Scopes): AccumulatorCarrier[] {
  const cb = loop.fold ? loop.callback : undefined;
  const param = cb?.parameters[0];
  const returns = cb && returnedExpressions(cb);
  const seed = foldSeedLiteral(loop, scopes);
  if (!cb || !param || !returns || returns.length === 0 || !seed) return [];
  const acc = ts.isIdentifier(param.name) ? param.name : undefined;
  const isAcc = (e: ts.Expression): boolean => { const u = unwrap(e); return !!acc && ts.isIdentifier(u) && scopes.refersTo(u, acc); };
  const slots = new Map<string, ts.Expression[]>();
  if (acc && returns.every(isAcc)) {
    for (const w of topLevelAssignments(loop, writes)) {
      const left = unwrap(w.left);
      if (ts.isPropertyAccessExpression(left) && isAcc(left.expression)) slots.set(left.name.text, [w.right]);
    }
  } else if (returns.every((r) => ts.isObjectLiteralExpression(unwrap(r)))) {
    const literals = returns.map((r) => unwrap(r) as ts.ObjectLiteralExpression);
    for (const key of literalKeys(literals[0]!)) {
      const values = literals.map((lit) => objectLiteralMember(lit, key));
      if (values.every((v): v is ts.Expression => !!v)) slots.set(key, values);
    }
  }
  const out: AccumulatorCarrier[] = [];
  for (const [key, values] of slots) {
    const seeded = objectLiteralMember(seed, key);
    const binding = acc ?? boundToKey(param.name as ts.BindingPattern, key);
    if (!seeded || !binding) continue;
    const carrier = acc ? `${acc.text}.${key}` : binding.text;
    // `{ h: acc.h }` / `{ h }` of `({ h }, x)`: the incoming value handed on, not a new one.
    if (values.some((v) => accessPath(v) === carrier)) continue;
    const s = unwrap(seeded);
    out.push({ carrier, binding, key, start: ts.isIdentifier(s) ? scopes.resolve(s) : undefined, values });
  }
  return out;
}

/** The object literal a reduce starts from: its seed written inline, or a name made as one (`const start = { h: h0 }`). */
function foldSeedLiteral(loop: Iteration, scopes: Scopes): ts.ObjectLiteralExpression | undefined {
  const seed = ts.isCallExpression(loop.node) && loop.node.arguments[1] ? unwrap(loop.node.arguments[1]) : undefined;
  const b = seed && ts.isIdentifier(seed) ? scopes.resolve(seed) : undefined;
  const init = b ? initializerOf(b) : seed;
  const lit = init && unwrap(init);
  return lit && ts.isObjectLiteralExpression(lit) ? lit : undefined;
}

/** The keys an object literal names (`{ a: 1, b }` -> a, b; not spreads or computed keys). */
function literalKeys(lit: ts.ObjectLiteralExpression): string[] {
  return lit.properties.flatMap((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : []);
}

/** The name `({ h, odds })` / `({ h: prev })` binds to the member `key`, if any. */
function boundToKey(pattern: ts.BindingPattern, key: string): ts.Identifier | undefined {
  if (!ts.isObjectBindingPattern(pattern)) return undefined;
  for (const el of pattern.elements) {
    const prop = el.propertyName ?? el.name;
    if (!el.dotDotDotToken && ts.isIdentifier(el.name) && (ts.isIdentifier(prop) || ts.isStringLiteral(prop)) && prop.text === key) return el.name;
  }
  return undefined;
}

/**
 * `act(obs) { const { h } = tf.tidy(() => { const hNext = this.core(x, this.h); return { p, h: hNext }; }); this.h = h; }`:
 * outside any loop, a method that stores the call's result back into the field it passed advances
 * that field by one step per call of the method: the parameter is fed back, as in a loop.
 */
function fieldFedBackParams(call: ts.CallExpression, where: CallSurroundings, writes: readonly Write[]): number[] {
  const fieldArgs = call.arguments.map((a, i) => (i > 0 && thisFieldName(unwrap(a)) !== undefined ? `this.${thisFieldName(unwrap(a))}` : undefined));
  const first = call.arguments.find((_, i) => fieldArgs[i] !== undefined);
  if (!first) return [];
  // The method whose object the field belongs to (arrows, such as a tidy callback, keep its `this`).
  const owner = thisOwner((unwrap(first) as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  if (!owner || !owner.body || ts.isFunctionDeclaration(owner)) return [];
  const written = resultCarriers(call, where, writes, owner.body);
  return fieldArgs.flatMap((f, i) => (f !== undefined && written.has(f) ? [i] : []));
}

/**
 * The paths the result of `call` is stored in, within `within`: its own targets, out of a
 * `tf.tidy` callback by the key or position the callback returns it under (`return { h: hNext }`,
 * `return [hNext, a]`, then the tidy's targets), and the names and fields given one of those
 * (`this.h = h`).
 */
function resultCarriers(call: ts.CallExpression, where: CallSurroundings, writes: readonly Write[], within: ts.Node): Set<string> {
  const written = new Set(where.resultTargetsOf(call).map((t) => t.path).filter((p): p is string => !!p));
  const callback = enclosingFunction(call);
  if (callback && ts.isArrowFunction(callback) && ts.isCallExpression(callback.parent) && calleeName(callback.parent) === 'tidy') {
    const returned = finalReturn(callback);
    const tidyTargets = where.resultTargetsOf(callback.parent);
    const carries = (e: ts.Expression): boolean => written.has(accessPath(e) ?? '');
    if (returned && ts.isObjectLiteralExpression(returned)) {
      for (const p of returned.properties) {
        const value = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? p.initializer : undefined;
        const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
        if (value && key !== undefined && carries(value)) for (const t of tidyTargets) if (t.position === key && t.path) written.add(t.path);
      }
    } else if (returned && ts.isArrayLiteralExpression(returned)) {
      returned.elements.forEach((el, i) => { if (carries(el)) for (const t of tidyTargets) if (t.position === i && t.path) written.add(t.path); });
    }
  }
  for (const w of nodesInside(writes, within)) {
    if (ts.isBinaryExpression(w) && w.operatorToken.kind === ts.SyntaxKind.EqualsToken && written.has(accessPath(unwrap(w.right)) ?? '')) {
      const left = accessPath(unwrap(w.left));
      if (left) written.add(left);
    }
  }
  return written;
}

/** The argument positions whose path is in `written` (the reduce accumulator counts at any position). */
function fedBackArgs(call: ts.CallExpression, calleeFn: FunctionLike, iterations: readonly Iteration[], written: ReadonlySet<string>): number[] {
  const acc = iterations[0]?.accumulator?.text;
  const out: number[] = [];
  const name = calleeName(call);
  const a0 = call.arguments[0] && unwrap(call.arguments[0]);
  if ((name === 'call' || name === 'apply') && a0 && ts.isArrayLiteralExpression(a0)) return out;
  if (calleeFn.parameters.length === 1 && a0 && ts.isArrayLiteralExpression(a0)) {
    a0.elements.forEach((el, i) => { const p = accessPath(el); if (i > 0 && p && (written.has(p) || p === acc)) out.push(i); });
    return out;
  }
  const stateFirst = stateMayComeFirst(call, iterations[0]);
  call.arguments.forEach((a, i) => {
    const p = accessPath(a);
    // The reduce accumulator may come first (`xs.reduce((h, x) => step(h, x), h0)`): a state at 0.
    if (p && (((i > 0 || stateFirst) && written.has(p)) || p === acc)) out.push(i);
  });
  return out;
}

/**
 * The state may come first when the step's input is another argument, taken per step from what
 * the loop iterates (`c = fPool(c, fs[t], zs[t])`); `x = refine(x)` repeats a transform instead.
 */
function stateMayComeFirst(call: ts.CallExpression, loop: Iteration | undefined): boolean {
  return call.arguments.slice(1).some((a) => isPerStepElement(a, loop));
}

/** `fs[t]` with `t` the counter of `loop`, or the element of a `for...of` or of an iterating callback. */
function isPerStepElement(arg: ts.Expression, loop: Iteration | undefined): boolean {
  const a = unwrap(arg);
  const node = loop?.node;
  if (!node) return false;
  if (ts.isElementAccessExpression(a) && ts.isIdentifier(unwrap(a.argumentExpression)) && ts.isForStatement(node) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
    const counter = (unwrap(a.argumentExpression) as ts.Identifier).text;
    return node.initializer.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === counter);
  }
  if (ts.isIdentifier(a) && ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer)) {
    return node.initializer.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === a.text);
  }
  // The element parameter of an iterating callback (`zs.forEach((z) => { c = pool(c, z); })`).
  const first = loop.callback?.parameters[loop.fold ? 1 : 0];
  return ts.isIdentifier(a) && !!first && ts.isIdentifier(first.name) && first.name.text === a.text;
}
