// Finds the steps of a file: RNNCell/Layer `call`, PyTorch-style `forward`, and plain step
// functions, and decides which of their inputs are recurrent states.
import ts from '../typescript';
import { declaredTypeName } from './declared-signatures';
import { calleeName, enclosingFunction, functionName, isFunctionLike, unwrap, walk, type FunctionLike, memberName } from './ast';
import { analyzeStep, touches, type StepContext, type StepFlow } from './dataflow';
import type { Scopes } from './scopes';
import type { TfApi } from './tf-api';
import { nodesInside, ownNodes, type TreeIndex } from './tree-index';
import { CONVENTIONAL_STATE_NAMES, LAYER_BASES, RNN_CELL_BASES, STEP_NAME_TOKENS, TENSOR_METHODS as TENSOR_OP_METHODS, hasToken, isBareNewName, isStateLikeName, stateBase } from './tfjs-facts';
import type { StepKind } from './cell-summary';
import { isZeroStateVar, returnedFunction } from './calls';
import { baseClassOf, ownMethod, prototypeClassOf } from './class-hierarchy';

export interface StateInput {
  index: number;
  /** Dataflow root of the incoming state (`p0.1` for inputs[1], `p1` for forward's hidden). */
  root: string;
  /** The name the step gives it. */
  name: string;
  /** Where it is bound (parameter, destructuring element, `inputs[1]` access), if anywhere. */
  binding?: ts.Node;
  /** How we know it is a state. */
  evidence: 'position' | 'use' | 'name';
  /** For matching new values by name when the step names the state nothing useful (`inputs[2]`): `c`. */
  baseName?: string;
  /** A member of a state object (`c` of `state.c`): read through the object, so no local is it by name. */
  memberOf?: string;
}

export interface Step {
  fn: FunctionLike;
  kind: StepKind;
  name: string;
  classNode?: ts.ClassLikeDeclaration;
  /** Root of the per-step input (`p0.0` for cells, `p0` for forward/functions). */
  inputRoot?: string;
  inputName?: string;
  states: StateInput[];
  flow: StepFlow;
  /** Parameter index -> state index, for plain functions and forward (call-site mapping). */
  paramState: Map<number, number>;
  /** For array-destructured first parameters `([x, h]) =>`: element index -> state index. */
  elementState?: Map<number, number>;
}

/**
 * Does this class extend a recurrent cell base (tf.layers.RNNCell, RNNCell, ...) or a Layer? A base
 * class of the file is what it extends in turn (a file's own `SimpleRNNCell` is not tfjs's).
 */
function baseKind(cls: ts.ClassLikeDeclaration, tf: TfApi, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>, depth = 0): 'cell' | 'layer' | 'other' | undefined {
  const ext = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!ext) return undefined;
  const own = baseClassOf(cls, classes);
  if (own) return depth < 8 ? baseKind(own, tf, classes, depth + 1) ?? 'other' : 'other';
  const path = tf.path(ext.expression);
  const last = path?.[path.length - 1] ?? (ts.isIdentifier(ext.expression) ? ext.expression.text : memberName(ext.expression));
  if (last && RNN_CELL_BASES.has(last)) return 'cell';
  if (last && LAYER_BASES.has(last)) return 'layer';
  return 'other';
}

/** `stateSize = 20` / `this.stateSize = [u, u]` / `get stateSize() { return [..] }` -> number of states. */
function declaredStateCount(cls: ts.ClassLikeDeclaration, tree: TreeIndex): number | undefined {
  let count: number | undefined;
  const fromExpr = (e: ts.Expression | undefined): void => {
    if (!e) return;
    const u = unwrap(e);
    if (ts.isArrayLiteralExpression(u)) count = u.elements.length;
    else count = count ?? 1;
  };
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === 'stateSize') fromExpr(m.initializer);
    if (ts.isGetAccessor(m) && ts.isIdentifier(m.name) && m.name.text === 'stateSize' && m.body) {
      walk(m.body, (n) => { if (ts.isReturnStatement(n)) fromExpr(n.expression); });
    }
  }
  for (const n of nodesInside(tree.writes, cls)) {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && memberName(n.left) === 'stateSize' &&
        (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left)) && n.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
      fromExpr(n.right);
    }
  }
  return count;
}

/** Highest `inputs[k]` / destructured position read from the cell's inputs array. */
function accessedElements(flow: StepFlow): number {
  let max = 0;
  for (const r of flow.readRoots) {
    const m = /^p0\.(\d+)/.exec(r);
    if (m) max = Math.max(max, Number(m[1]));
  }
  for (const root of flow.aliasNames.keys()) {
    const m = /^p0\.(\d+)$/.exec(root);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

function cellStep(cls: ts.ClassLikeDeclaration, call: ts.MethodDeclaration, tf: TfApi, kind: 'cell' | 'layer', scopes: Scopes, tree: TreeIndex): Step | undefined {
  const flow = analyzeStep(call, tf, undefined, { classNode: cls, classes: tree.classes, scopes });
  const first = call.parameters[0];
  if (!first) return undefined;
  const declared = declaredStateCount(cls, tree);
  const accessed = accessedElements(flow);
  // A plain Layer is a cell only when it is shaped like one: stateSize, or [x, ...states] by name.
  const rests = (flow.restNames.get('p0') ?? []).filter((r) => r.from >= 1);
  if (kind === 'layer' && declared === undefined) {
    const names = [...flow.aliasNames.entries()].filter(([r]) => /^p0\.[1-9]\d*$/.test(r)).flatMap(([, n]) => n);
    if (!names.some(isStateLikeName) && !rests.some((r) => isStateLikeName(r.name))) return undefined;
  }
  const count = Math.max(declared ?? 0, accessed, 1);
  const states: StateInput[] = [];
  const paramBinding = ts.isArrayBindingPattern(first.name) ? first.name : undefined;
  for (let k = 0; k < count; k++) {
    const root = `p0.${k + 1}`;
    const names = flow.aliasNames.get(root);
    let binding: ts.Node | undefined;
    let name = names?.[0];
    if (paramBinding) {
      const el = paramBinding.elements[k + 1];
      if (el && ts.isBindingElement(el) && !el.dotDotDotToken && ts.isIdentifier(el.name)) { binding = el.name; name = el.name.text; }
    }
    if (!binding && name) binding = flow.locals.find((l) => l.val.alias === root && l.name === name)?.node;
    // `const [x, ...states] = inputs`: state k is `states[k - from + 1]`, bound by the rest element.
    const rest = !binding && !name ? rests.find((r) => r.from <= k + 1) : undefined;
    if (rest) { binding = rest.node; name = `${rest.name}[${k + 1 - rest.from}]`; }
    // Unnamed states of a cell follow tfjs-layers' order: [h] or [h, c].
    const baseName = name === undefined || /\[\d+\]$/.test(name) ? CONVENTIONAL_STATE_NAMES[count]?.[k] : undefined;
    states.push({ index: k, root, name: name ?? `${ts.isIdentifier(first.name) ? first.name.text : 'inputs'}[${k + 1}]`, binding, evidence: 'position', baseName });
  }
  const inputNames = flow.aliasNames.get('p0.0');
  return {
    fn: call, kind: 'rnn-cell', name: cls.name?.text ?? 'anonymous cell', classNode: cls,
    inputRoot: 'p0.0', inputName: inputNames?.[0], states, flow, paramState: new Map(),
  };
}

/** Candidate state parameters of a function, by name (the weakest evidence), in order. */
function namedStateParams(fn: FunctionLike, from: number, flow: StepFlow): { index: number; name: string; node: ts.Node; byMembers?: boolean }[] {
  const out: { index: number; name: string; node: ts.Node; byMembers?: boolean }[] = [];
  fn.parameters.forEach((p, i) => {
    if (i < from || !ts.isIdentifier(p.name)) return;
    // `step(x, s)` reading `s.h` and `s.c`: a state object, whatever the parameter is called.
    if (isStateLikeName(p.name.text)) out.push({ index: i, name: p.name.text, node: p.name });
    else if (readsStateMembers(flow, i) || returnsRebuilt(flow, fn, p.name.text) || returnsUpdatedCopy(flow, i)) out.push({ index: i, name: p.name.text, node: p.name, byMembers: true });
  });
  return out;
}

/** Does the step read members of parameter `i` (`mem.keys`), none named like a state? */
function readsOnlyPlainMembers(flow: StepFlow, i: number): boolean {
  const prefix = `p${i}.`;
  let members = 0;
  for (const r of flow.readRoots) {
    if (!r.startsWith(prefix)) continue;
    const member = r.slice(prefix.length).split('.')[0]!;
    if (/^\d+$/.test(member) || isStateLikeName(member)) return false;
    members++;
  }
  return members > 0;
}

/** Does the step return (in its last return's tuple) an object rebuilt from parameter `name`'s members (`[y, { h, context }]` for `s`)? */
function returnsRebuilt(flow: StepFlow, fn: FunctionLike, name: string): boolean {
  const r = flow.returns[flow.returns.length - 1];
  return !!r?.elements && r.elements.some((e) => rebuiltParam(flow, fn, unwrap(e.node)) === name);
}

/**
 * Does the step return a copy of parameter `i` with a state-named member of it replaced
 * (`{ ...ctx, h, y }` after reading `ctx.h`): the parameter is a context object the step advances.
 */
function returnsUpdatedCopy(flow: StepFlow, i: number): boolean {
  const r = flow.returns[flow.returns.length - 1];
  if (r?.spreadOf?.root !== `p${i}` || !r.members) return false;
  return [...r.members.keys()].some((k) => isStateLikeName(k) && flow.readRoots.has(`p${i}.${k}`));
}

/** Does the step read at least two state-named members of parameter `i` (`s.h`, `s.c`)? */
function readsStateMembers(flow: StepFlow, i: number): boolean {
  const prefix = `p${i}.`;
  let count = 0;
  for (const r of flow.readRoots) {
    if (r.startsWith(prefix) && !r.includes('.', prefix.length) && isStateLikeName(r.slice(prefix.length))) count++;
  }
  return count >= 2;
}

/** How many new states a step returns, and which names they carry (for matching to params). */
function returnShape(flow: StepFlow, fn: FunctionLike): { count: number; names: (string | undefined)[] } | undefined {
  // The last return: early exits (padding, reset) come first, the step's own result last.
  const r = flow.returns[flow.returns.length - 1];
  if (!r) return undefined;
  if (r.elements) return { count: r.elements.length, names: r.elements.map((e) => { const u = unwrap(e.node); return ts.isIdentifier(u) ? u.text : rebuiltParam(flow, fn, u); }) };
  if (r.members) return { count: r.members.size, names: [...r.members.keys()] };
  return { count: 1, names: [ts.isIdentifier(r.expr) ? r.expr.text : undefined] };
}

/**
 * `return [logits, { h, context }]` for `step(x, s, mem)` reading `s.h` and `s.context`: the object
 * is the new `s` (every key is a member the step reads of that parameter), and the slot is named for it.
 */
function rebuiltParam(flow: StepFlow, fn: FunctionLike, e: ts.Expression): string | undefined {
  if (!ts.isObjectLiteralExpression(e) || e.properties.length === 0) return undefined;
  const keys = e.properties.map((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name) ? p.name.text : undefined);
  if (keys.some((k) => k === undefined)) return undefined;
  const i = fn.parameters.findIndex((p, k) => ts.isIdentifier(p.name) && keys.every((key) => flow.readRoots.has(`p${k}.${key}`)));
  const p = fn.parameters[i];
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

/**
 * Picks state parameters for forward/plain steps: fed back in a loop (use) first, then by name,
 * limited to what the step returns (a step returning one tensor carries one state).
 */
function chooseStates(fn: FunctionLike, flow: StepFlow, from: number, fedBack: Set<number>): StateInput[] {
  const named = namedStateParams(fn, from, flow);
  const byIndex = new Map<number, StateInput>();
  for (const i of fedBack) {
    const p = fn.parameters[i];
    if (!p || !ts.isIdentifier(p.name)) continue;
    byIndex.set(i, { index: 0, root: `p${i}`, name: p.name.text, binding: p.name, evidence: 'use' });
  }
  const shape = returnShape(flow, fn);
  const limit = shape ? Math.max(shape.count, byIndex.size) : named.length + byIndex.size;
  for (const n of named) {
    if (byIndex.size >= limit) break;
    if (byIndex.has(n.index)) continue;
    // With several returned values, a named state should find its new value among them by name;
    // with one, the first named parameter is the state (a `memory`/`mask` after it is a constant).
    // (`return { output, state }` for a lone `hidden` parameter: the one state-like name is its slot.)
    // (`{ probs, next }`: with no state-like key, the one key that only says "the new value",
    // unless a parameter the loop feeds back already takes it.)
    const stateKeys = shape ? shape.names.filter((x) => x !== undefined && isStateLikeName(x)).length : 0;
    const loneSlot = named.length === 1 && shape !== undefined && (stateKeys === 1 ||
      (stateKeys === 0 && fedBack.size === 0 && shape.names.filter((x) => x !== undefined && isBareNewName(x)).length === 1));
    // (`lstmStep(x, state)` reading `state.h` / `state.c` and returning `{ h, c }`: an object state.)
    const memberSlot = shape !== undefined && shape.names.some((k) => k !== undefined && readsMember(flow, `p${n.index}.${k}`));
    // (A state known by its members needs no name match: `{ stress, next: { h, c } }` for `s`.)
    if (shape && shape.count > 1 && shape.names.every((x) => x !== undefined) && !loneSlot && !memberSlot && !n.byMembers &&
        !shape.names.some((x) => stateBase(x!) === stateBase(n.name))) continue;
    // `step(x, s, mem)` reading only `mem.keys` / `mem.values` beside a state known by use or by
    // its members: the memory bank of an attention, not a state.
    if (!n.byMembers && (fedBack.size > 0 || named.some((m) => m.byMembers)) && readsOnlyPlainMembers(flow, n.index)) continue;
    byIndex.set(n.index, { index: 0, root: `p${n.index}`, name: n.name, binding: n.node, evidence: 'name' });
  }
  const states = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, s], k) => ({ ...s, index: k }));
  if (states.length > 0) return states;
  return tupleStates(fn, from, fedBack);
}

/**
 * `forward(x, [h, c])`: a parameter destructured as a tuple of states (named like states, or fed
 * back by a loop); each element is a state of its own (`p1.0`, `p1.1`).
 */
function tupleStates(fn: FunctionLike, from: number, fedBack: Set<number>): StateInput[] {
  for (let i = from; i < fn.parameters.length; i++) {
    const name = fn.parameters[i]!.name;
    if (ts.isIdentifier(name)) continue;
    // Array patterns are keyed by position (`p1.0`), object patterns by property (`p1.h`).
    const els: { id: ts.Identifier; key: string }[] = [];
    name.elements.forEach((el, k) => {
      if (!ts.isBindingElement(el) || el.dotDotDotToken || !ts.isIdentifier(el.name)) return;
      const prop = el.propertyName;
      const key = ts.isArrayBindingPattern(name) ? String(k) : prop ? (ts.isIdentifier(prop) || ts.isStringLiteral(prop) ? prop.text : undefined) : el.name.text;
      if (key !== undefined) els.push({ id: el.name, key });
    });
    if (els.length === 0 || !(fedBack.has(i) || els.every((e) => isStateLikeName(e.id.text)))) continue;
    return els.map((e, index) => ({
      index, root: `p${i}.${e.key}`, name: e.id.text, binding: e.id, evidence: fedBack.has(i) ? 'use' : 'name',
    }));
  }
  return [];
}

/** Does anything the step computes or returns read `root` (`p1.h`: the `h` member of parameter 1)? */
function readsMember(flow: StepFlow, root: string): boolean {
  return flow.returns.some((r) => r.val.deps.has(root)) || flow.locals.some((l) => l.val.deps.has(root));
}

const TENSOR_METHODS = new Set(['matMul', 'dot', 'tanh', 'sigmoid', 'relu', 'add', 'mul', 'apply', 'call', 'forward', 'read', 'concat', 'sub']);

function isTensorCode(fn: FunctionLike, tf: TfApi, tree: TreeIndex): boolean {
  return nodesInside(tree.calls, fn).some((n) => tf.path(n.expression) !== undefined ||
    (ts.isPropertyAccessExpression(n.expression) && TENSOR_METHODS.has(n.expression.name.text)));
}

/**
 * Discovers steps. `fedBack` gives, per function node, the parameter indexes that some loop
 * feeds the function's result back into (use evidence, from the call-site pass).
 */
export function discoverSteps(sf: ts.SourceFile, tf: TfApi, fedBack: Map<ts.Node, Set<number>>,
                              scopes: Scopes, tree: TreeIndex): Step[] {
  const steps: Step[] = [];
  const fileUsesTf = tf.hasImport || /\btf\./.test(sf.text);
  // The classes and functions of the file in document order, filed by the index walk, so
  // discovery does not walk the whole tree again.
  const visit = (n: ts.Node): void => {
    if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) {
      const kind = baseKind(n, tf, tree.classes);
      const call = ownMethod(n, 'call');
      if ((kind === 'cell' || kind === 'layer') && call && call.parameters.length >= 1) {
        const s = cellStep(n, call, tf, kind, scopes, tree);
        if (s) { steps.push(s); return; }
      }
      // `forward(input, hidden)`, or a Keras-style `call(inputs, states)` of a plain class.
      const forward = ownMethod(n, 'forward') ?? (kind !== 'cell' && kind !== 'layer' && call && call.parameters.length >= 2 ? call : undefined);
      if (forward && forward.parameters.length >= 2 && fileUsesTf) {
        const flow = analyzeStep(forward, tf, undefined, { classNode: n, classes: tree.classes, scopes });
        const states = chooseStates(forward, flow, 1, fedBack.get(forward) ?? new Set());
        if (states.length > 0 && !containsStepLoop(forward, tree)) {
          steps.push(makeFunctionStep(forward, 'forward', n.name?.text ?? 'anonymous', n, flow, states));
        }
      }
      return;
    }
    if (!fileUsesTf) return;
    // Other class methods (`private step(x, h)`) are step functions like any other (rnnlint: calls.ts resolves `this.step`).
    // `call`/`forward` of a class are cells (above); of an object literal (`{ call(x, h) {...} }`), step functions.
    const otherMethod = ts.isMethodDeclaration(n) && (!(ts.isIdentifier(n.name) && /^(call|forward)$/.test(n.name.text)) || ts.isObjectLiteralExpression(n.parent));
    if ((ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || otherMethod) && n.body) {
      const s = functionStep(n, tf, fedBack.get(n) ?? new Set(), scopes, tree);
      if (s) steps.push(s);
    }
  };
  for (const n of tree.containers) visit(n);
  return steps;
}

function makeFunctionStep(fn: FunctionLike, kind: StepKind, name: string, cls: ts.ClassLikeDeclaration | undefined, flow: StepFlow, states: StateInput[]): Step {
  const paramState = new Map<number, number>();
  for (const s of states) {
    const m = /^p(\d+)$/.exec(s.root);
    if (m) paramState.set(Number(m[1]), s.index);
  }
  // A tuple parameter (`step(x, [h, c])`) or a destructured state object (`step(x, { h, c })`)
  // holds several states: its argument stands for all of them at once, as a spread does (index -1).
  for (const s of states) {
    const m = /^p(\d+)\.[^.]+$/.exec(s.root);
    const name = m && fn.parameters[Number(m[1])]?.name;
    if (m && name && !paramState.has(Number(m[1])) && (ts.isArrayBindingPattern(name) || ts.isObjectBindingPattern(name))) paramState.set(Number(m[1]), -1);
  }
  const input = fn.parameters[0];
  return {
    fn, kind, name, classNode: cls, states, flow, paramState,
    inputRoot: 'p0', inputName: input && ts.isIdentifier(input.name) ? input.name.text : undefined,
  };
}

/** A function that loops over steps itself is a sequence function, not a step. */
export function containsStepLoop(fn: FunctionLike, tree: TreeIndex): boolean {
  // Loops in nested arrows count (`xs.forEach(() => { for ... })`); nested functions do not.
  return !!fn.body && ownNodes(tree.loops, fn.body, (n) => isFunctionLike(n) && !ts.isArrowFunction(n)).some((l) => !ts.isForInStatement(l));
}

/** A function made by a factory (`const makeStep = (W) => (x, h) => ...`) is known by the factory's name. */
function factoryName(fn: FunctionLike): string | undefined {
  const p = fn.parent;
  const outer = ts.isReturnStatement(p) ? enclosingFunction(p) : isFunctionLike(p) && (p as FunctionLike).body === fn ? p as FunctionLike : undefined;
  return outer ? functionName(outer) : undefined;
}

function functionStep(fn: FunctionLike, tf: TfApi, fedBack: Set<number>, scopes: Scopes, tree: TreeIndex): Step | undefined {
  // A method (`private step(x, h)`) follows `this.helper(h)` like a cell does.
  const context: StepContext = { scopes, classNode: ts.isClassLike(fn.parent) ? fn.parent : undefined, classes: tree.classes, prototypeClass: prototypeClassOf(fn) };
  const name = functionName(fn) ?? factoryName(fn) ?? 'anonymous';
  // Callbacks of iterating calls (`xs.map(x => step(x, h))`) are loop bodies, not steps; but a
  // reducer folding a state (`xs.reduce((c, x) => cell, tf.zeros(...))`) is the cell itself.
  if (ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn as ts.Expression) && fedBack.size === 0) {
    return reducerStep(fn, fn.parent, tf, tree, context);
  }
  const first = fn.parameters[0];
  // `([x, h]) => ...`: one array parameter holding the input and states.
  if (fn.parameters.length === 1 && first && ts.isArrayBindingPattern(first.name) && first.name.elements.length >= 2) {
    const els = first.name.elements;
    const stateEls: StateInput[] = [];
    els.forEach((el, i) => {
      if (i === 0 || !ts.isBindingElement(el) || !ts.isIdentifier(el.name)) return;
      if (isStateLikeName(el.name.text) || fedBack.has(i)) {
        stateEls.push({ index: stateEls.length, root: `p0.${i}`, name: el.name.text, binding: el.name, evidence: fedBack.has(i) ? 'use' : 'name' });
      }
    });
    if (stateEls.length === 0 || !isTensorCode(fn, tf, tree)) return undefined;
    if (fedBack.size === 0 && !hasToken(name, STEP_NAME_TOKENS)) return undefined;
    const flow = analyzeStep(fn, tf, undefined, context);
    const elementState = new Map<number, number>();
    for (const s of stateEls) elementState.set(Number(s.root.split('.')[1]), s.index);
    const el0 = els[0];
    return {
      fn, kind: 'step-function', name, states: stateEls, flow, paramState: new Map(), elementState,
      inputRoot: 'p0.0', inputName: el0 && ts.isBindingElement(el0) && ts.isIdentifier(el0.name) ? el0.name.text : undefined,
    };
  }
  if (fn.parameters.length < 2) return undefined;
  // Without use evidence, a step must say so by name (`step`, `lstmCell`, `gruForward`...), or be
  // an object's `call`/`forward` method, the cell conventions (`const gru = { call(x, h) {...} }`).
  // (Also an ES5 class's `X.prototype.call = function (inputs, states)`, as a class's `call` is.)
  const cellMethod = /^(call|forward)$/.test(name) &&
    ((ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent)) || context.prototypeClass !== undefined);
  // An anonymous function written to fill a step type the code names (`build(): StepFn`) says so by its type.
  const saysStep = fedBack.size > 0 || cellMethod || hasToken(name, STEP_NAME_TOKENS) || hasToken(declaredTypeName(fn) ?? '', STEP_NAME_TOKENS);
  if (!saysStep) return undefined;
  if (!isTensorCode(fn, tf, tree) || containsStepLoop(fn, tree)) return undefined;
  // A factory (`makeElmanStep(inDim, hiddenDim)` returning `(x, h) => ...`) makes the step; the
  // function it returns is the step, found on its own.
  if (fedBack.size === 0 && returnedFunction(fn)) return undefined;
  const flow = analyzeStep(fn, tf, undefined, context);
  const states = chooseStates(fn, flow, 1, fedBack);
  if (states.length === 0) return undefined;
  return makeFunctionStep(fn, 'step-function', name, undefined, flow, states);
}

/** `x.add(h)`, `h.mul(z)`: a tensor method, not a function of the file (`cell.step(x, h)`). */
function calleeReceiverIsTensor(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.expression) && TENSOR_OP_METHODS.has(call.expression.name.text);
}

/**
 * `payments.reduce((c, x) => { ...gates...; return f.mul(z).add(...) }, tf.zeros([1, n]))`: a
 * reducer whose accumulator is named like a state and starts as a zero tensor, written as a cell
 * (tensor code, no step loop of its own). Its state is the accumulator (the first parameter) and
 * its input the element.
 */
function reducerStep(fn: FunctionLike, call: ts.CallExpression, tf: TfApi, tree: TreeIndex, context: StepContext): Step | undefined {
  // Cheap tests first: this runs for every callback handed to a call.
  const acc = fn.parameters[0];
  if (!/^reduce(Right)?$/.test(calleeName(call) ?? '') || call.arguments[0] !== fn || fn.parameters.length < 2 || !acc || !ts.isIdentifier(acc.name)) return undefined;
  // The initial value is a zero tensor, inline or through a const (`const c0 = tf.zeros([1, n])`).
  const init = call.arguments[1] && unwrap(call.arguments[1]);
  const zero = !!init && ((ts.isCallExpression(init) && /^zeros(Like)?$/.test(tf.fn(init) ?? '')) || (!!context.scopes && isZeroStateVar(init, context.scopes, tf)));
  if (!isStateLikeName(acc.name.text) || !zero) return undefined;
  if (!isTensorCode(fn, tf, tree) || containsStepLoop(fn, tree)) return undefined;
  // A reducer that hands the accumulator to a function of the file (`encodeStep(x, h)`) is the
  // body of an unroll, checked where that step is; only a cell written inline is one.
  const accName = acc.name.text;
  const handsOn = nodesInside(tree.calls, fn).some((c) => tf.path(c.expression) === undefined && !calleeReceiverIsTensor(c) &&
    c.arguments.some((a) => ts.isIdentifier(unwrap(a)) && (unwrap(a) as ts.Identifier).text === accName));
  if (handsOn) return undefined;
  const flow = analyzeStep(fn, tf, undefined, context);
  const input = fn.parameters[1]!;
  return {
    fn, kind: 'step-function', name: calleeName(call)!, states: [{ index: 0, root: 'p0', name: acc.name.text, binding: acc.name, evidence: 'position' }],
    flow, paramState: new Map([[0, 0]]), inputRoot: 'p1', inputName: ts.isIdentifier(input.name) ? input.name.text : undefined,
  };
}

/**
 * Is state `s` of `step` (or any element of it) read by anything that reaches a return or escapes
 * the step? A value stored in a `this` field counts only when something reads that field.
 */
export function stateReachesOutput(step: Step, s: StateInput): boolean {
  const { flow } = step;
  if (flow.returns.some((r) => touches(r.val.deps, s.root))) return true;
  if (touches(flow.otherSinks, s.root)) return true;
  for (const [field, deps] of flow.fieldSinks) if (touches(deps, s.root) && fieldIsRead(step, field)) return true;
  return false;
}

/** Is `field` read anywhere in the file (`this.field` in the class, `obj.field` outside) other than written? */
function fieldIsRead(step: Step, field: string): boolean {
  if (!step.classNode) return true;
  let read = false;
  walk(step.fn.getSourceFile(), (n) => {
    if (read) return false;
    if (!ts.isPropertyAccessExpression(n) || n.name.text !== field) return;
    const p = n.parent;
    const written = ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    if (!written) read = true;
  });
  return read;
}

