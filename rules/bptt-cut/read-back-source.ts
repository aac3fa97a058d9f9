// Following the values a new tensor is built from back to the read-back they came from
// (`dataSync()`/`arraySync()`): through consts, JS copies, helpers, and arrays or fields of read-backs.

import ts from '../../server/src/typescript';
import type { RuleContext } from '../rule';
import { calleeName, calleeReceiver, returnedExpressions, thisFieldName, unwrap, walk, enclosingFunction } from '../../server/src/analysis/ast';
import { enclosingClassOfThis } from '../../server/src/analysis/class-hierarchy';
import { resolveCallee } from '../../server/src/analysis/calls';
import { initialValueOf, initializerOf, isPropertyName } from '../../server/src/analysis/scopes';
import { READBACK_METHODS } from '../../server/src/analysis/tfjs-facts';
import { nodesInside } from '../../server/src/analysis/tree-index';

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
export type ReadBack = { tensor: ts.Expression; method: string; inline: boolean; field?: string };

/**
 * Variables followed from a rebuilt tensor back to its read-back (`const raw = h.dataSync()`, a
 * copy of a copy). A bound, not a guess at how deep copies go: variables that fill each other
 * (`a = b; b = a`, `a[i] = b[i]; b[i] = a[i]`) would otherwise recurse without end.
 */
const MAX_COPY_HOPS = 4;

/** The tensor read back by `h.arraySync()` / `await h.data()`, inline or through a const. */
export function readBackSource(ctx: RuleContext, e: ts.Expression, hops = MAX_COPY_HOPS): ReadBack | undefined {
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
