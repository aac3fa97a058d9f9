// Unrolls written as recursion: `function unroll(node, h) { const hNext = cell(x, h); return unroll(node.next, hNext); }`.
// The recursive call is the next iteration, and the state it passes is the state the next step reads.
import ts from '../typescript';
import { calleeName, calleeReceiver, functionName, isFunctionLike, isWithin, unwrap, walk, type FunctionLike } from './ast';
import { lastFileMemo, resolveCallee } from './calls';
import { nodesInside } from './tree-index';
import type { FileModel } from './model';
import type { Binding } from './scopes';
import { isStateLikeName, stateBase } from './tfjs-facts';

/** A recursive unroll that passes its own incoming state on while it computes a new one from it. */
export interface RecursiveCarry {
  fn: FunctionLike;
  name: string;
  /** The state parameter. */
  param: Binding;
  /** Each recursive call's argument that passes `param` on unchanged (source order). */
  passed: ts.Identifier[];
  /** The new state the function computes from `param` (`hNext`), which no recursive call receives. */
  next: Binding;
  /** The member of `next` that holds the new state, when `next` is a step's whole object result (`out.h` for `out = step(x, h)`). */
  nextMember?: string;
}

export const recursiveCarries: (model: FileModel) => RecursiveCarry[] = lastFileMemo(findRecursiveCarries);

/** Each self-recursive function of the file with a state-named parameter, with its recursive calls. */
const selfCallsOf: (model: FileModel) => Map<FunctionLike, ts.CallExpression[]> = lastFileMemo(findSelfCalls);

function findSelfCalls(model: FileModel): Map<FunctionLike, ts.CallExpression[]> {
  const selfCalls = new Map<FunctionLike, ts.CallExpression[]>();
  // Only the calls of a state-carrying function's own name, inside it, can recurse (the calls by
  // name come from the model's index: no pass over every call of the file).
  for (const [name, fns] of functionsByName(model)) {
    const named = model.callsNamed([name]);
    for (const f of fns) {
      // Binary search of the calls inside `f` (the list is in source order): no calls × functions scan.
      for (const call of nodesInside(named, f)) {
        if (calleeName(call) !== name) continue;
        const fn = recursedFunction(model, call, name);
        if (!fn) continue;
        const list = selfCalls.get(fn);
        if (list) { if (!list.includes(call)) list.push(call); } else selfCalls.set(fn, [call]);
      }
    }
  }
  return selfCalls;
}

function findRecursiveCarries(model: FileModel): RecursiveCarry[] {
  const out: RecursiveCarry[] = [];
  for (const [fn, calls] of selfCallsOf(model)) {
    fn.parameters.forEach((p, i) => {
      if (!ts.isIdentifier(p.name) || !isStateLikeName(p.name.text)) return;
      const carry = carriedUnchanged(model, fn, calls, p.name, i);
      if (carry) out.push(carry);
    });
  }
  return out;
}

/**
 * The recursive call through which `fn` unrolls a sequence, passing the new state it computed
 * from its state parameter (`return encodeFrom(ids, t + 1, next)` with `next = tf.tanh(... h ...)`),
 * or undefined when `fn` is no such recursion.
 */
export function recursiveUnroll(model: FileModel, fn: FunctionLike): ts.CallExpression | undefined {
  const calls = selfCallsOf(model).get(fn);
  if (!calls || !fn.body) return undefined;
  for (const [i, p] of fn.parameters.entries()) {
    if (!ts.isIdentifier(p.name) || !isStateLikeName(p.name.text)) continue;
    const param = p.name;
    // The argument in the state's place is a local computed from the state through a call (the
    // position says it is the new state, whatever its name: `next`, `hNew`).
    const passing = calls.find((c) => {
      const a = c.arguments[i] && unwrap(c.arguments[i]!);
      if (!a) return false;
      // Inline: `unrollFrom(t + 1, cell(xs[t], h), xs)`.
      if (ts.isCallExpression(a)) return readsThroughCall(model, a, param);
      const b = ts.isIdentifier(a) ? model.scopes.resolve(a) : undefined;
      const d = b?.parent;
      return !!d && ts.isVariableDeclaration(d) && d.name === b && !!d.initializer && isWithin(d, fn) &&
        readsThroughCall(model, unwrap(d.initializer), param);
    });
    if (passing) return passing;
  }
  return undefined;
}

/** The file's functions with a state-named parameter, by name (only they can carry a state). */
function functionsByName(model: FileModel): Map<string, FunctionLike[]> {
  const out = new Map<string, FunctionLike[]>();
  for (const c of model.index.containers) {
    if (!isFunctionLike(c) || !c.parameters.some((p) => ts.isIdentifier(p.name) && isStateLikeName(p.name.text))) continue;
    const name = functionName(c);
    if (!name) continue;
    const list = out.get(name);
    if (list) list.push(c);
    else out.set(name, [c]);
  }
  return out;
}

/** The function a call recurses into: `f(...)` inside `function f`, `this.m(...)` inside method `m`. */
function recursedFunction(model: FileModel, call: ts.CallExpression, name: string): FunctionLike | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) {
    const target = resolveCallee(call, model.scopes, model.classes);
    return target && isWithin(call, target) ? target : undefined;
  }
  const recv = calleeReceiver(call);
  if (!recv || unwrap(recv).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  // `this` is the method's own only through arrows.
  for (let p = call.parent; p; p = p.parent) {
    if (ts.isMethodDeclaration(p)) return functionName(p) === name ? p : undefined;
    if (isFunctionLike(p) && !ts.isArrowFunction(p)) return undefined;
  }
  return undefined;
}

function carriedUnchanged(model: FileModel, fn: FunctionLike, calls: ts.CallExpression[], param: Binding, i: number): RecursiveCarry | undefined {
  const body = fn.body;
  if (!body) return undefined;
  const passed: ts.Identifier[] = [];
  for (const call of calls) {
    const a = call.arguments[i] && unwrap(call.arguments[i]!);
    if (!a || !ts.isIdentifier(a) || !model.scopes.refersTo(a, param)) return undefined;
    passed.push(a);
  }
  if (model.scopes.writes(param, body).length > 0) return undefined;
  const found = newStateFrom(model, body, param);
  const next = found?.binding;
  // A recursion before the new state is computed is a fold (a tree encoded bottom-up, children
  // first, the incoming state a context), not the next step of an unroll.
  if (!next || passed.some((p) => p.pos < next.end)) return undefined;
  // The new state reaching any recursive call (at any position) is a hand-over we do not second-guess.
  for (const call of calls) {
    let reached = false;
    for (const a of call.arguments) walk(a, (n) => { if (ts.isIdentifier(n) && model.scopes.refersTo(n, next)) reached = true; });
    if (reached) return undefined;
  }
  return { fn, name: functionName(fn) ?? 'the function', param, passed, next, nextMember: found.member };
}

/**
 * A variable the function computes from the state parameter and names as its new value: `hNext`,
 * `newHidden`, `[out, h2]`, `{ y, h: h2 }`... for `h`/`hidden` (same name once previous/new markers are dropped).
 * Its value must read the parameter through a call (a step, a tf op), not copy it. Failing that,
 * a step's whole result whose returned object holds the state under its name (`out` for
 * `const out = step(p, x, h)` with `step` returning `{ y, h: hNext }`: member `h`).
 */
function newStateFrom(model: FileModel, body: ts.Node, param: Binding): { binding: Binding; member?: string } | undefined {
  const base = stateBase(param.text);
  let found: Binding | undefined;
  let whole: { binding: Binding; member: string } | undefined;
  walk(body, (n) => {
    if (found || !ts.isVariableDeclaration(n) || !n.initializer) return;
    const init = unwrap(n.initializer);
    if (ts.isIdentifier(init) || !readsThroughCall(model, init, param)) return;
    const names: ts.Identifier[] = [];
    if (ts.isIdentifier(n.name)) names.push(n.name);
    else for (const el of n.name.elements) if (ts.isBindingElement(el) && ts.isIdentifier(el.name)) names.push(el.name);
    found = names.find((id) => id.text !== param.text && stateBase(id.text) === base);
    if (!found && !whole && ts.isIdentifier(n.name) && ts.isCallExpression(init)) {
      const step = model.stepCallAt(init)?.step;
      const members = step?.flow.returns[step.flow.returns.length - 1]?.members;
      const key = members && [...members.keys()].find((k) => stateBase(k) === base);
      if (key) whole = { binding: n.name, member: key };
    }
  });
  return found ? { binding: found } : whole;
}

function readsThroughCall(model: FileModel, e: ts.Expression, param: Binding): boolean {
  let calls = false;
  let reads = false;
  walk(e, (n) => {
    if (ts.isCallExpression(n)) calls = true;
    else if (ts.isIdentifier(n) && model.scopes.refersTo(n, param)) reads = true;
  });
  return calls && reads;
}
