// Flow-sensitive value tracking inside one step function. Every value is abstracted to the set of
// roots it depends on (parameters and their elements, `this` fields, locals, outer names) plus,
// when it IS one root unchanged, that root (its alias). Branches merge by union; loops run twice.
// This answers "does state k reach a return?", "is this returned value the incoming state?" and
// "which locals were computed from state k?" without a type-checker.
import ts from '../typescript';
import { calleeName, calleeReceiver, hoistedVarNames, isAssignmentOperator, numericLiteralValue, thisFieldName, unwrap, type FunctionLike } from './ast';
import type { TfApi } from './tf-api';
import { lastFileMemo } from './calls';
import { findMethod, findPrototypeMethod, superMethod } from './class-hierarchy';
import { initializerOf, type Scopes } from './scopes';
import { INERT_CALLS, METADATA_PROPS, PURE_TENSOR_OPS, SHAPE_ONLY_CALLS, TYPE_TEST_CALLS } from './tfjs-facts';

export interface Val {
  readonly deps: ReadonlySet<string>;
  /** The root this value is, unchanged (`inputs[1]` -> "p0.1"). */
  readonly alias?: string;
  /** Element i of an array-like value, when known. */
  readonly elem?: (i: number) => Val;
  /** Named members of an object value, when known. */
  readonly props?: ReadonlyMap<string, Val>;
  /** A function value declared in the step (its returns are evaluated where it is called). */
  readonly fn?: FunctionLike;
}

export interface ReturnRecord {
  /** The returned expression (after unwrapping a `tf.tidy` callback, its return). */
  expr: ts.Expression;
  val: Val;
  /** Positions of an array-literal return (an object literal among them with its leading spread's root, as `spreadOf`). */
  elements?: { node: ts.Expression; val: Val; spreadOf?: { root: string; node: ts.Expression } }[];
  /**
   * Positions of an array literal ending in a spread (`[out, ...states]`): position i, with the
   * spread element as its node for the positions the spread covers.
   */
  elementAt?: (i: number) => { node: ts.Expression; val: Val } | undefined;
  /** Members of an object-literal return. */
  members?: Map<string, { node: ts.Expression; val: Val }>;
  /** `{ ...state, h: hNew }`: the root a spread member copies (`p1`), with the spread's expression. */
  spreadOf?: { root: string; node: ts.Expression };
}

export interface LocalDef {
  /** Root id of this definition (`l3`): values computed from it carry it in their deps. */
  root: string;
  name: string;
  /** The identifier (declaration) or assignment expression that defines it. */
  node: ts.Node;
  val: Val;
}

export interface StepFlow {
  returns: ReturnRecord[];
  locals: LocalDef[];
  /** Dependencies that escape the step other than through returns (this-field writes, pushes). */
  sinks: Set<string>;
  /** The part of `sinks` that escapes through writes to `this` fields, per field. */
  fieldSinks: Map<string, Set<string>>;
  /** The part of `sinks` that escapes other ways (outer variables, calls whose result is dropped). */
  otherSinks: Set<string>;
  /** Root ids of parameter elements read anywhere (including via locals). */
  readRoots: Set<string>;
  /** Which roots each local's identifier binding aliases (`const [x, h] = inputs` -> h: p0.1). */
  aliasNames: Map<string, string[]>;
  /** Rest elements bound from a root (`const [x, ...states] = inputs` -> p0: [{ name, from: 1 }]). */
  restNames: Map<string, { name: string; from: number; node: ts.Identifier }[]>;
  /** The helpers (methods, functions of the file) the step's evaluation followed, with the values passed to them and the call. */
  helperCalls: { helper: FunctionLike; args: Val[]; call: ts.CallExpression }[];
}

const EMPTY: Val = { deps: new Set() };

function union(...vals: (Val | undefined)[]): Val {
  const deps = new Set<string>();
  for (const v of vals) if (v) for (const d of v.deps) deps.add(d);
  return { deps };
}

function withRoot(v: Val, root: string): Val {
  const deps = new Set(v.deps);
  deps.add(root);
  return { ...v, deps };
}

/** A parameter-like root whose elements are roots of their own (`p0` -> `p0.1`). */
export function rootVal(root: string): Val {
  return { deps: new Set([root]), alias: root, elem: (i) => rootVal(`${root}.${i}`) };
}

/** `state.h` / `{ h } = state` of a parameter-like root: a root of its own (`p1.h`). */
function memberOfRoot(v: Val, key: string): Val | undefined {
  return v.alias !== undefined && v.elem && !v.props ? rootVal(`${v.alias}.${key}`) : undefined;
}

/**
 * A rest parameter (`...items`) is a fresh array of the arguments it collects: element k is the
 * k-th of them, so `function tuple(...items) { return items; }` hands each argument back in its
 * place instead of blurring them into one value.
 */
function restVal(args: readonly Val[]): Val {
  return { deps: union(...args).deps, elem: (i) => args[i] ?? EMPTY };
}

function sliceVal(v: Val, from: number): Val {
  const elem = v.elem;
  return elem ? { deps: v.deps, elem: (i) => elem(i + from) } : { deps: v.deps };
}

/** Does `deps` include `root` or a container of it (`p0` contains `p0.1`)? */
export function reaches(deps: ReadonlySet<string>, root: string): boolean {
  if (deps.has(root)) return true;
  for (let i = root.lastIndexOf('.'); i > 0; i = root.lastIndexOf('.', i - 1)) {
    if (deps.has(root.slice(0, i))) return true;
  }
  return false;
}

type Env = Map<string, Val>;

function mergeEnv(a: Env, b: Env): Env {
  const out: Env = new Map(a);
  for (const [k, vb] of b) {
    const va = a.get(k);
    if (!va || va === vb) { out.set(k, vb); continue; }
    const merged = union(va, vb);
    out.set(k, va.alias !== undefined && va.alias === vb.alias ? { ...merged, alias: va.alias } : merged);
  }
  return out;
}

/** Does `deps` include `root`, a container of it, or one of its elements (`p1.0` of `p1`)? */
export function touches(deps: ReadonlySet<string>, root: string): boolean {
  if (reaches(deps, root)) return true;
  const prefix = `${root}.`;
  for (const d of deps) if (d.startsWith(prefix)) return true;
  return false;
}

export interface StepContext {
  /** The class the step is a method of: `this.helper(h)` is followed into the helper. */
  classNode?: ts.ClassLikeDeclaration;
  /** A prototype class (`Cell.prototype.step = function`): `this.m()` runs its method or an inherited one. */
  prototypeClass?: string;
  /** The file's classes by name: `this.m()` and `super.m()` find inherited methods through them. */
  classes?: ReadonlyMap<string, ts.ClassLikeDeclaration>;
  /** Resolves names of functions declared outside the step: `helper(h)` is followed into it. */
  scopes?: Scopes;
}

const NO_CLASSES: ReadonlyMap<string, ts.ClassLikeDeclaration> = new Map();

/** How deep calls to helpers (methods of the class, functions of the file) are followed. */
const MAX_HELPER_DEPTH = 3;

export function analyzeStep(fn: FunctionLike, tf: TfApi, paramRoots?: (index: number) => string, context: StepContext = {}): StepFlow {
  const flow: StepFlow = { returns: [], locals: [], sinks: new Set(), fieldSinks: new Map(), otherSinks: new Set(), readRoots: new Set(), aliasNames: new Map(), restNames: new Map(), helperCalls: [] };
  let localCounter = 0;
  let env: Env = new Map();
  /** Helpers being evaluated (their locals are not the step's locals). */
  const helperStack: FunctionLike[] = [];

  const escape = (val: Val, field?: string): void => {
    for (const d of val.deps) flow.sinks.add(d);
    if (field === undefined) { for (const d of val.deps) flow.otherSinks.add(d); return; }
    const set = flow.fieldSinks.get(field) ?? new Set<string>();
    for (const d of val.deps) set.add(d);
    flow.fieldSinks.set(field, set);
  };

  const define = (name: string, node: ts.Node, val: Val): void => {
    const root = `l${localCounter++}`;
    const v = withRoot(val, root);
    env.set(name, v);
    if (helperStack.length > 0) return;
    flow.locals.push({ root, name, node, val });
    if (val.alias !== undefined) {
      const list = flow.aliasNames.get(val.alias) ?? [];
      list.push(name);
      flow.aliasNames.set(val.alias, list);
    }
  };

  const bindPattern = (name: ts.BindingName, val: Val, node: ts.Node, isDef = true): void => {
    if (ts.isIdentifier(name)) {
      if (isDef) define(name.text, name, val);
      else env.set(name.text, val);
      return;
    }
    if (ts.isArrayBindingPattern(name)) {
      name.elements.forEach((el, i) => {
        if (!ts.isBindingElement(el)) return;
        const v = el.dotDotDotToken ? sliceVal(val, i) : (val.elem ? val.elem(i) : { deps: val.deps });
        if (el.dotDotDotToken && val.alias !== undefined && ts.isIdentifier(el.name) && helperStack.length === 0) {
          const list = flow.restNames.get(val.alias) ?? [];
          list.push({ name: el.name.text, from: i, node: el.name });
          flow.restNames.set(val.alias, list);
        }
        bindPattern(el.name, el.initializer ? union(v, evalExpr(el.initializer)) : v, node, isDef);
      });
    } else {
      for (const el of name.elements) {
        const key = el.propertyName && (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName))
          ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
        const v = (key !== undefined && val.props?.get(key)) || (key !== undefined ? memberOfRoot(val, key) : undefined) || { deps: val.deps };
        bindPattern(el.name, v, node, isDef);
      }
    }
  };

  const lookup = (name: string): Val => env.get(name) ?? { deps: new Set([`outer:${name}`]) };

  const noteRead = (v: Val): Val => {
    for (const d of v.deps) if (d.startsWith('p')) flow.readRoots.add(d);
    return v;
  };

  /** Evaluates a nested function's returns with the current environment (closures see locals). */
  const evalCallback = (cb: FunctionLike, args: Val[] = []): { val: Val; returns: ReturnRecord[] } => {
    const saved = env;
    const savedReturns = flow.returns;
    env = new Map(env);
    flow.returns = [];
    cb.parameters.forEach((p, i) => bindPattern(p.name, args[i] ?? EMPTY, p, false));
    // `var h = h || tf.zeros(...)` in the callback: `var` is hoisted to the callback, so that `h`
    // is the callback's own, still undefined, not the step's `h` it shadows.
    const hoisted = hoistedNamesOf(cb);
    for (const name of hoisted) env.set(name, EMPTY);
    if (cb.body && ts.isBlock(cb.body)) evalBlock(cb.body.statements);
    else if (cb.body) flow.returns.push(...returnRecords(cb.body as ts.Expression));
    const returns = flow.returns;
    flow.returns = savedReturns;
    const inner = env;
    env = saved;
    // Writes the callback made to names of the enclosing step stay visible after it (tidy bodies).
    for (const [k, v] of inner) if (saved.has(k) && saved.get(k) !== v && !hoisted.includes(k)) env.set(k, mergeEnv(new Map([[k, saved.get(k)!]]), new Map([[k, v]])).get(k)!);
    return { val: union(...returns.map((r) => r.val)), returns };
  };

  /**
   * Evaluates a helper declared outside the step (a method of the class, a function of the file)
   * called with `args`: it sees `this` fields but not the step's locals. Undefined when it cannot
   * be followed (recursion, too deep, no return found): callers then assume every argument counts.
   */
  const evalHelper = (helper: FunctionLike, args: Val[]): Val | undefined => {
    if (helper === fn || helperStack.includes(helper) || helperStack.length >= MAX_HELPER_DEPTH || !helper.body) return undefined;
    const saved = env;
    const savedReturns = flow.returns;
    env = new Map([...saved].filter(([k]) => k.startsWith('this.')));
    flow.returns = [];
    helperStack.push(helper);
    helper.parameters.forEach((p, i) => {
      const v = p.dotDotDotToken ? restVal(args.slice(i)) : args[i] ?? EMPTY;
      bindPattern(p.name, p.initializer ? union(v, evalExpr(p.initializer)) : v, p, false);
    });
    if (ts.isBlock(helper.body)) evalBlock(helper.body.statements);
    else flow.returns.push(...returnRecords(helper.body));
    helperStack.pop();
    const returns = flow.returns;
    flow.returns = savedReturns;
    const inner = env;
    env = saved;
    for (const [k, v] of inner) if (k.startsWith('this.') && saved.get(k) !== v) env.set(k, v);
    if (returns.length === 0) return undefined;
    return returns.length === 1 ? returns[0]!.val : union(...returns.map((r) => r.val));
  };

  const aliasesThis = (e: ts.Expression): boolean => {
    const b = ts.isIdentifier(e) ? context.scopes?.resolve(e) : undefined;
    const init = b && initializerOf(b);
    return !!init && unwrap(init).kind === ts.SyntaxKind.ThisKeyword;
  };

  /** The function a call runs when it is a helper we can follow: `this.m(...)`, `helper(...)`. */
  const helperOf = (e: ts.CallExpression): FunctionLike | undefined => {
    const callee = unwrap(e.expression);
    // `this.m()` runs the method of the step's class or the nearest base class that has one (an
    // override in the class wins); `super.m()` starts at the base of the class it is written in.
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && context.classNode) {
      return findMethod(context.classNode, callee.name.text, context.classes ?? NO_CLASSES);
    }
    // In a prototype method, `this.m()` or `self.m()` with `var self = this` (the callbacks of ES5 code).
    if (ts.isPropertyAccessExpression(callee) && context.prototypeClass && (callee.expression.kind === ts.SyntaxKind.ThisKeyword || aliasesThis(callee.expression))) {
      return findPrototypeMethod(callee.getSourceFile(), context.prototypeClass, callee.name.text);
    }
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.SuperKeyword && context.classes) {
      return superMethod(callee, callee.name.text, context.classes);
    }
    if (ts.isIdentifier(callee) && context.scopes && !env.has(callee.text)) {
      const b = context.scopes.resolve(callee);
      const d = b?.parent;
      if (d && ts.isFunctionDeclaration(d) && d.body) return d;
      if (d && ts.isVariableDeclaration(d) && d.name === b && d.initializer) {
        const init = unwrap(d.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
      }
    }
    return undefined;
  };

  const returnRecords = (expr: ts.Expression): ReturnRecord[] => {
    const e = unwrap(expr);
    // `return tf.tidy(() => [...])`: the positions are those of the callback's returns.
    if (ts.isCallExpression(e) && tf.fn(e) === 'tidy') {
      const cb = e.arguments.map(unwrap).find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a)) as FunctionLike | undefined;
      if (cb) {
        const { val, returns } = evalCallback(cb);
        return returns.length > 0 ? returns : [{ expr, val }];
      }
    }
    // `[h].concat(states)` is `[h, ...states]`.
    if (ts.isCallExpression(e) && calleeName(e) === 'concat' && e.arguments.length === 1) {
      const recv = calleeReceiver(e);
      const head = recv && unwrap(recv);
      if (head && ts.isArrayLiteralExpression(head) && !head.elements.some(ts.isSpreadElement)) {
        const prefix = head.elements.map((node) => ({ node, val: evalExpr(node) }));
        const tailNode = e.arguments[0]!;
        const tail = evalExpr(tailNode);
        const val = union(...prefix.map((p) => p.val), tail);
        return [{ expr: e, val, elementAt: (i) => (i < prefix.length ? prefix[i] : tail.elem ? { node: tailNode, val: tail.elem(i - prefix.length) } : undefined) }];
      }
    }
    const val = evalExpr(expr);
    const rec: ReturnRecord = { expr: e, val };
    const spreads = ts.isArrayLiteralExpression(e) ? e.elements.filter(ts.isSpreadElement).length : 0;
    if (ts.isArrayLiteralExpression(e) && spreads === 0) {
      rec.elements = e.elements.map((node, i) => {
        const spreadOf = leadingSpread(node);
        return { node, val: val.elem ? val.elem(i) : evalExpr(node), ...(spreadOf ? { spreadOf } : {}) };
      });
    } else if (ts.isArrayLiteralExpression(e) && spreads === 1 && ts.isSpreadElement(e.elements[e.elements.length - 1]!)) {
      const prefix = e.elements.slice(0, -1).map((node) => ({ node, val: evalExpr(node) }));
      const spread = e.elements[e.elements.length - 1] as ts.SpreadElement;
      const tail = evalExpr(spread.expression);
      rec.elementAt = (i) => {
        if (i < prefix.length) return prefix[i];
        return tail.elem ? { node: spread, val: tail.elem(i - prefix.length) } : undefined;
      };
    } else if (ts.isObjectLiteralExpression(e)) {
      rec.members = new Map();
      for (const p of e.properties) {
        if (ts.isShorthandPropertyAssignment(p)) rec.members.set(p.name.text, { node: p.name, val: lookup(p.name.text) });
        else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
          rec.members.set(p.name.text, { node: p.initializer, val: val.props?.get(p.name.text) ?? evalExpr(p.initializer) });
        }
      }
      const spreadOf = leadingSpread(e);
      if (spreadOf) rec.spreadOf = spreadOf;
    }
    return [rec];
  };

  /** `{ ...state, h: hNew }`: the root the leading spread copies, with the spread's expression (only a leading spread: members written after it replace what it copies). */
  const leadingSpread = (node: ts.Expression): { root: string; node: ts.Expression } | undefined => {
    const e = unwrap(node);
    const p = ts.isObjectLiteralExpression(e) ? e.properties[0] : undefined;
    const alias = p && ts.isSpreadAssignment(p) ? evalExpr(p.expression).alias : undefined;
    return alias !== undefined ? { root: alias, node: (p as ts.SpreadAssignment).expression } : undefined;
  };

  const evalCall = (e: ts.CallExpression): Val => {
    const name = calleeName(e);
    const recv = calleeReceiver(e);
    const tfName = tf.fn(e);
    if (tfName === 'tidy' || tfName === 'keep') {
      const cb = e.arguments.map(unwrap).find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a)) as FunctionLike | undefined;
      if (cb) return evalCallback(cb).val;
      const arg = e.arguments[e.arguments.length - 1];
      return arg ? evalExpr(arg) : EMPTY;
    }
    const args = e.arguments.map((a) => {
      const u = unwrap(a);
      if (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) return evalCallback(u).val;
      return evalExpr(a);
    });
    if (recv && name === 'slice' && e.arguments.length >= 1) {
      const from = numericLiteralValue(e.arguments[0]!);
      const r = evalExpr(recv);
      if (from !== undefined && from >= 0) return sliceVal(r, from);
      return union(r, ...args);
    }
    if (ts.isIdentifier(e.expression)) {
      const f = env.get(e.expression.text);
      if (f?.fn) return union(evalCallback(f.fn, args).val, ...args);
    }
    // `Array.isArray(inputs)`: a type test, not a use of the value.
    if (name && TYPE_TEST_CALLS.has(name) && recv && ts.isIdentifier(unwrap(recv))) return EMPTY;
    // `tf.zerosLike(h)`, `h.onesLike()`: the shape of the value, not the value.
    if (name && SHAPE_ONLY_CALLS.has(name) && (tfName === name || (recv && tf.path(recv) === undefined))) {
      if (recv && tfName === undefined) noteRead(evalExpr(recv));
      return EMPTY;
    }
    const helper = helperOf(e);
    if (helper) {
      flow.helperCalls.push({ helper, args, call: e });
      const v = evalHelper(helper, args);
      if (v) return v;
    }
    const calleeVal = recv ? evalExpr(recv) : ts.isIdentifier(unwrap(e.expression)) ? EMPTY : evalExpr(e.expression);
    return union(calleeVal, ...args);
  };

  const assign = (target: ts.Expression, val: Val, node: ts.Node): void => {
    const t = unwrap(target);
    if (ts.isIdentifier(t)) {
      if (env.has(t.text)) define(t.text, node, val);
      else escape(val); // an outer variable: the value escapes the step
      return;
    }
    const field = thisFieldName(t);
    if (field !== undefined) {
      env.set(`this.${field}`, val);
      escape(val, field);
      return;
    }
    if (ts.isArrayLiteralExpression(t)) {
      t.elements.forEach((el, i) => {
        if (ts.isOmittedExpression(el)) return;
        if (ts.isSpreadElement(el)) assign(el.expression, sliceVal(val, i), node);
        else assign(el, val.elem ? val.elem(i) : { deps: val.deps }, node);
      });
      return;
    }
    if (ts.isObjectLiteralExpression(t)) {
      for (const p of t.properties) {
        if (ts.isShorthandPropertyAssignment(p)) assign(p.name, val.props?.get(p.name.text) ?? { deps: val.deps }, node);
        else if (ts.isPropertyAssignment(p)) assign(p.initializer, { deps: val.deps }, node);
      }
      return;
    }
    // obj.x = v, arr[i] = v: the container now depends on v.
    if (ts.isPropertyAccessExpression(t) || ts.isElementAccessExpression(t)) {
      let base: ts.Expression = t.expression;
      while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) base = base.expression;
      base = unwrap(base);
      if (ts.isIdentifier(base) && env.has(base.text)) env.set(base.text, union(env.get(base.text), val));
      else escape(val, thisFieldOfChain(t));
    }
  };

  const evalExpr = (node: ts.Expression): Val => {
    const e = unwrap(node);
    if (ts.isIdentifier(e)) return noteRead(lookup(e.text));
    if (e.kind === ts.SyntaxKind.ThisKeyword) return { deps: new Set(['this']) };
    const field = thisFieldName(e);
    if (field !== undefined) return env.get(`this.${field}`) ?? { deps: new Set([`this.${field}`]) };
    if (ts.isPropertyAccessExpression(e)) {
      const base = evalExpr(e.expression);
      const member = base.props?.get(e.name.text);
      // `h.shape`, `xs.length`: what the value looks like, not what it holds.
      if (!member && METADATA_PROPS.has(e.name.text)) return EMPTY;
      return member ?? memberOfRoot(base, e.name.text) ?? { deps: base.deps };
    }
    if (ts.isElementAccessExpression(e)) {
      const base = evalExpr(e.expression);
      const idx = numericLiteralValue(e.argumentExpression);
      if (idx !== undefined && base.elem) return noteRead(base.elem(idx));
      const key = ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
      if (key !== undefined && base.props?.get(key)) return base.props.get(key)!;
      return noteRead(union(base, evalExpr(e.argumentExpression)));
    }
    if (ts.isCallExpression(e)) return evalCall(e);
    if (ts.isNewExpression(e)) return union(...(e.arguments ?? []).map(evalExpr));
    if (ts.isArrayLiteralExpression(e)) {
      const parts = e.elements.map((el) => (ts.isSpreadElement(el) ? evalExpr(el.expression) : evalExpr(el)));
      const all = union(...parts);
      if (e.elements.some(ts.isSpreadElement)) return all;
      return { deps: all.deps, elem: (i) => parts[i] ?? EMPTY };
    }
    if (ts.isObjectLiteralExpression(e)) {
      const props = new Map<string, Val>();
      const parts: Val[] = [];
      for (const p of e.properties) {
        let v: Val = EMPTY;
        if (ts.isShorthandPropertyAssignment(p)) { v = lookup(p.name.text); props.set(p.name.text, v); }
        else if (ts.isPropertyAssignment(p)) {
          v = evalExpr(p.initializer);
          if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) props.set(p.name.text, v);
        } else if (ts.isSpreadAssignment(p)) v = evalExpr(p.expression);
        parts.push(v);
      }
      return { ...union(...parts), props };
    }
    if (ts.isBinaryExpression(e)) {
      if (isAssignmentOperator(e.operatorToken.kind)) {
        const rhs = evalExpr(e.right);
        const val = e.operatorToken.kind === ts.SyntaxKind.EqualsToken ? rhs : union(evalExpr(e.left), rhs);
        assign(e.left, val, e);
        return val;
      }
      return union(evalExpr(e.left), evalExpr(e.right));
    }
    if (ts.isConditionalExpression(e)) {
      const cond = evalExpr(e.condition);
      const guard = arrayGuard(e.condition);
      const a = guard && guard.negated ? narrowed(guard.name, () => evalExpr(e.whenTrue)) : evalExpr(e.whenTrue);
      const b = guard && !guard.negated ? narrowed(guard.name, () => evalExpr(e.whenFalse)) : evalExpr(e.whenFalse);
      const u = union(cond, a, b);
      return a.alias !== undefined && a.alias === b.alias ? { ...u, alias: a.alias } : u;
    }
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return { deps: new Set(), fn: e };
    if (ts.isAwaitExpression(e) || ts.isSpreadElement(e) || ts.isVoidExpression(e) || ts.isTypeOfExpression(e)) {
      return { deps: evalExpr(e.expression).deps };
    }
    if (ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) return { deps: evalExpr(e.operand).deps };
    if (ts.isTemplateExpression(e)) return union(...e.templateSpans.map((s) => evalExpr(s.expression)));
    return EMPTY;
  };

  const evalStatement = (s: ts.Statement): void => {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(d.name)) {
          env.set(d.name.text, { deps: new Set(), fn: init });
          continue;
        }
        bindPattern(d.name, d.initializer ? evalExpr(d.initializer) : EMPTY, d);
      }
    } else if (ts.isExpressionStatement(s)) {
      const e = unwrap(s.expression);
      const v = evalExpr(s.expression);
      // A call whose result is dropped is a side effect: whatever it consumed escapes (outputs.push(h)).
      // Not a tensor op (`pre.add(hh);`): its result is all it does.
      if (ts.isCallExpression(e) && !isConsoleCall(e) && !INERT_CALLS.has(calleeName(e) ?? '') && !isDroppedTensorOp(e, tf, context.scopes)) escape(v);
    } else if (ts.isReturnStatement(s)) {
      if (s.expression) flow.returns.push(...returnRecords(s.expression));
    } else if (ts.isIfStatement(s)) {
      evalExpr(s.expression);
      const guard = arrayGuard(s.expression);
      const before = env;
      env = new Map(before);
      if (guard?.negated) narrowInPlace(guard.name);
      evalStatement(s.thenStatement);
      const thenEnv = env;
      env = new Map(before);
      if (guard && !guard.negated) narrowInPlace(guard.name);
      if (s.elseStatement) evalStatement(s.elseStatement);
      // A branch that always leaves (`throw`, `return`) does not flow on to what follows the `if`.
      if (exits(s.thenStatement)) { /* keep the else branch's env */ }
      else if (s.elseStatement && exits(s.elseStatement)) env = thenEnv;
      else env = mergeEnv(thenEnv, env);
    } else if (ts.isBlock(s)) evalBlock(s.statements);
    else if (ts.isForStatement(s) || ts.isForOfStatement(s) || ts.isForInStatement(s) || ts.isWhileStatement(s) || ts.isDoStatement(s)) {
      if (ts.isForStatement(s) && s.initializer) {
        if (ts.isVariableDeclarationList(s.initializer)) for (const d of s.initializer.declarations) bindPattern(d.name, d.initializer ? evalExpr(d.initializer) : EMPTY, d);
        else evalExpr(s.initializer);
      }
      if ((ts.isForOfStatement(s) || ts.isForInStatement(s))) {
        const it = evalExpr(s.expression);
        if (ts.isVariableDeclarationList(s.initializer)) for (const d of s.initializer.declarations) bindPattern(d.name, { deps: it.deps }, d);
        else assign(s.initializer, { deps: it.deps }, s);
      }
      const before = env;
      for (let pass = 0; pass < 2; pass++) {
        env = new Map(env);
        if ((ts.isWhileStatement(s) || ts.isDoStatement(s))) evalExpr(s.expression);
        if (ts.isForStatement(s)) { if (s.condition) evalExpr(s.condition); if (s.incrementor) evalExpr(s.incrementor); }
        evalStatement(s.statement);
        env = mergeEnv(before, env);
      }
    } else if (ts.isTryStatement(s)) {
      evalBlock(s.tryBlock.statements);
      if (s.catchClause) evalBlock(s.catchClause.block.statements);
      if (s.finallyBlock) evalBlock(s.finallyBlock.statements);
    } else if (ts.isSwitchStatement(s)) {
      evalExpr(s.expression);
      const before = env;
      let merged = before;
      for (const c of s.caseBlock.clauses) {
        env = new Map(before);
        evalBlock(c.statements);
        merged = mergeEnv(merged, env);
      }
      env = merged;
    } else if (ts.isFunctionDeclaration(s) && s.name) {
      env.set(s.name.text, { deps: new Set(), fn: s });
    } else if (ts.isLabeledStatement(s)) evalStatement(s.statement);
    else if (ts.isThrowStatement(s)) evalExpr(s.expression);
  };

  /**
   * `Array.isArray(inputs) ? inputs[0] : inputs`: where the test fails, the cell's `inputs` is a
   * single tensor, i.e. its element 0 (the input), not the whole list with the states.
   */
  const narrowInPlace = (name: string): void => {
    const v = env.get(name);
    if (v?.elem && v.alias !== undefined) env.set(name, v.elem(0));
  };
  const narrowed = (name: string, run: () => Val): Val => {
    const saved = env;
    env = new Map(env);
    narrowInPlace(name);
    const v = run();
    env = saved;
    return v;
  };

  const evalBlock = (statements: ts.NodeArray<ts.Statement>): void => {
    for (const st of statements) evalStatement(st);
  };

  fn.parameters.forEach((p, i) => {
    const root = paramRoots ? paramRoots(i) : `p${i}`;
    bindPattern(p.name, rootVal(root), p, false);
  });
  if (fn.body && ts.isBlock(fn.body)) evalBlock(fn.body.statements);
  else if (fn.body) flow.returns.push(...returnRecords(fn.body as ts.Expression));
  return flow;
}

/**
 * A statement-level call that only computes a tensor (`tf.add(a, b);`, or `pre.add(hh);` on a
 * tensor made by a tf call): tensors are immutable, so its result is all it does.
 */
export function isDroppedTensorOp(e: ts.CallExpression, tf: TfApi, scopes: Scopes | undefined): boolean {
  const tfName = tf.fn(e);
  if (tfName !== undefined) return PURE_TENSOR_OPS.has(tfName);
  const name = calleeName(e);
  const recv = calleeReceiver(e);
  if (!name || !recv || !PURE_TENSOR_OPS.has(name)) return false;
  // `Set.add`, `Array.slice` share names with tensor ops: the receiver must be a tensor made by tf
  // (`tf.matMul(x, W).add(b)`, a variable) here or where its name was declared.
  const r = unwrap(recv);
  if (ts.isCallExpression(r)) return makesTensor(r, tf, scopes);
  return isTensorName(r, tf, scopes);
}

/** A name made by a tensor op where it is declared, or declared with a tensor type (`x: tf.Tensor2D`). */
function isTensorName(e: ts.Expression, tf: TfApi, scopes: Scopes | undefined, hops = 0): boolean {
  const b = ts.isIdentifier(e) ? scopes?.resolve(e) : undefined;
  if (!b || hops > 4) return false;
  const decl = b.parent;
  const type = (ts.isParameter(decl) || ts.isVariableDeclaration(decl)) && decl.name === b ? decl.type : undefined;
  if (type && ts.isTypeReferenceNode(type) && /^(tf\.)?(Tensor[1-6]?D?|Scalar|Variable)$/.test(type.typeName.getText())) return true;
  const init = initializerOf(b);
  const u = init && unwrap(init);
  return !!u && ts.isCallExpression(u) && makesTensor(u, tf, scopes, hops + 1);
}

/** tf functions that return an array of tensors: `steps.reverse()` on one reorders the array in place. */
const ARRAY_MAKERS = new Set(['unstack', 'split', 'meshgrid']);

/** Does `call` return one tensor made by tf: `tf.zeros(...)`, `tf.variable(...)`, or a tensor op chained on one (`tf.matMul(x, W).add(b)`)? */
function makesTensor(call: ts.CallExpression, tf: TfApi, scopes?: Scopes, hops = 0): boolean {
  for (let c: ts.Expression = call, depth = 0; depth < 8; depth++) {
    // `x.matMul(W).add(b)` on a parameter declared as a tensor.
    if (!ts.isCallExpression(c)) return depth > 0 && isTensorName(c, tf, scopes, hops);
    const fn = tf.fn(c);
    if (fn !== undefined) return !ARRAY_MAKERS.has(fn);
    const name = calleeName(c);
    const recv = calleeReceiver(c);
    if (!name || !recv || !PURE_TENSOR_OPS.has(name)) return false;
    c = unwrap(recv);
  }
  return false;
}

function isConsoleCall(e: ts.CallExpression): boolean {
  const callee = unwrap(e.expression);
  let base: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(base)) base = base.expression;
  return ts.isIdentifier(base) && base.text === 'console';
}


/** `Array.isArray(x)` / `!Array.isArray(x)` on a plain name: that name, and whether the test is negated. */
function arrayGuard(cond: ts.Expression): { name: string; negated: boolean } | undefined {
  let e = unwrap(cond);
  let negated = false;
  while (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) { negated = !negated; e = unwrap(e.operand); }
  if (!ts.isCallExpression(e) || calleeName(e) !== 'isArray' || e.arguments.length !== 1) return undefined;
  const arg = unwrap(e.arguments[0]!);
  return ts.isIdentifier(arg) ? { name: arg.text, negated } : undefined;
}

/** For `this.a.b[0]`: "a" (the field of `this` a member chain writes into), else undefined. */
function thisFieldOfChain(e: ts.Expression): string | undefined {
  let n: ts.Expression = e;
  while (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
    const f = thisFieldName(n);
    if (f !== undefined) return f;
    n = unwrap(n.expression);
  }
  return undefined;
}

/** Does this statement always leave the function (ends in `return` / `throw` on every path)? */
function exits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]!);
  if (ts.isIfStatement(s)) return !!s.elseStatement && exits(s.thenStatement) && exits(s.elseStatement);
  return false;
}

/**
 * Names a `function` expression declares with `var` (not in functions nested in it), other than
 * its parameters. (Arrows are left out: code that writes arrows does not use `var`, and this runs
 * for every callback the dataflow enters, so each function is looked at once per file.)
 */
function hoistedNamesOf(fn: FunctionLike): readonly string[] {
  if (!ts.isFunctionExpression(fn) || !fn.body) return NO_NAMES;
  const memo = hoistedMemo(fn.getSourceFile());
  let names = memo.get(fn);
  if (!names) memo.set(fn, (names = hoistedVarNames(fn).map((id) => id.text)));
  return names;
}

const NO_NAMES: readonly string[] = [];
const hoistedMemo = lastFileMemo((_sf: ts.SourceFile) => new Map<ts.Node, readonly string[]>());

