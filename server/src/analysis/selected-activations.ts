// Activations chosen by a configuration value: `activate(x, this.act)` with a helper that switches
// on its selector (`case 'relu': return tf.relu(t)`), or `applyActivation(name, x)` that looks the
// name up in a table of activation functions. When every value the selector can hold here picks
// the same activation, the call is that activation.
import ts from '../typescript';
import { calleeName, calleeReceiver, functionName, isWithin, returnedExpressions, thisFieldName, unwrap, walk, type FunctionLike, declaredMemberName } from './ast';
import { enclosingClassOfThis } from './class-hierarchy';
import { lastFileMemo, resolveCallee } from './calls';
import type { FileModel } from './model';
import { initialValueOf } from './scopes';
import { newsOf } from './constructor-args';
import { nodesInside } from './tree-index';
import { ACTIVATION_OPS } from './tfjs-facts';

/** How a selector helper picks: by selector value, and what it does for any other value. */
interface Choices {
  operand: number;
  selector: number;
  byValue: Map<string, string>;
  fallback?: string;
}

/** The file's selector helpers (two parameters: the tensor and the name of its activation), by function. */
const selectorHelpers = lastFileMemo((model: FileModel): Map<FunctionLike, Choices> => {
  const out = new Map<FunctionLike, Choices>();
  for (const fn of model.index.containers) {
    if (ts.isClassLike(fn) || fn.parameters.length !== 2 || !fn.body) continue;
    const choices = choicesOf(model, fn);
    if (choices) out.set(fn, choices);
  }
  return out;
});

/** Names the file's selector helpers are called by (for the rule's call index). */
export const selectorHelperNames = lastFileMemo((model: FileModel): string[] =>
  [...selectorHelpers(model).keys()].map((fn) => functionName(fn)).filter((n): n is string => n !== undefined));

/** `activate(h, this.act)` with `this.act` always `'tanh'` here: the activation and what it is applied to. */
export function selectedActivation(model: FileModel, call: ts.CallExpression): { name: string; operand: ts.Expression } | undefined {
  if (call.arguments.length !== 2) return undefined;
  const helpers = selectorHelpers(model);
  if (helpers.size === 0) return undefined;
  const fn = resolveCallee(call, model.scopes, model.classes);
  const choices = fn && helpers.get(fn);
  if (!choices) return undefined;
  const values = possibleStrings(model, call.arguments[choices.selector]!, 0);
  if (!values || values.size === 0) return undefined;
  const acts = new Set([...values].map((v) => choices.byValue.get(v) ?? choices.fallback));
  const act = acts.size === 1 ? [...acts][0] : undefined;
  return act && act !== 'linear' ? { name: act, operand: call.arguments[choices.operand]! } : undefined;
}

/** What `expr` does to the parameter named `p`: `tf.relu(p)` -> relu, `p.tanh()` -> tanh, `p` -> linear. */
function applied(model: FileModel, expr: ts.Expression | undefined, p: string): string | undefined {
  const e = expr && unwrap(expr);
  if (!e) return undefined;
  if (ts.isIdentifier(e)) return e.text === p ? 'linear' : undefined;
  if (!ts.isCallExpression(e)) return undefined;
  const tfName = model.tf.fn(e);
  const arg = e.arguments[0] && unwrap(e.arguments[0]);
  if (tfName !== undefined) return ACTIVATION_OPS.has(tfName) && arg && ts.isIdentifier(arg) && arg.text === p ? tfName : undefined;
  const recv = calleeReceiver(e);
  const name = calleeName(e);
  return name && ACTIVATION_OPS.has(name) && recv && ts.isIdentifier(unwrap(recv)) && (unwrap(recv) as ts.Identifier).text === p && e.arguments.length === 0 ? name : undefined;
}

/** A function value's activation: `(t) => tf.relu(t)`, `(t) => t`, `tf.relu`. */
function functionActivation(model: FileModel, value: ts.Expression): string | undefined {
  const v = unwrap(value);
  if ((ts.isArrowFunction(v) || ts.isFunctionExpression(v)) && v.parameters.length === 1 && ts.isIdentifier(v.parameters[0]!.name)) {
    const returned = returnedExpressions(v);
    const acts = new Set((returned ?? []).map((r) => applied(model, r, (v.parameters[0]!.name as ts.Identifier).text)));
    return acts.size === 1 ? [...acts][0] : undefined;
  }
  // `relu: tf.relu`: the tf function itself.
  const tfName = ts.isPropertyAccessExpression(v) && model.tf.path(v) !== undefined ? v.name.text : undefined;
  return tfName && ACTIVATION_OPS.has(tfName) ? tfName : undefined;
}

/** A switch on the selector parameter, or a lookup in a table of activation functions. */
function choicesOf(model: FileModel, fn: FunctionLike): Choices | undefined {
  const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  if (names.some((n) => n === undefined)) return undefined;
  // Cheap tests first (most two-parameter functions are steps): a statement of the body itself is
  // a `switch`, a lookup (`const f = TABLE[name]`) or a call of one (`return TABLE[name](t)`); then
  // every return applies something to a parameter itself (`tf.relu(t)`, `fn(t)`, `t`).
  if (!fn.body || !ts.isBlock(fn.body) || !fn.body.statements.some(selectsAtTop)) return undefined;
  const returns = returnedExpressions(fn) ?? [];
  const onParam = (r: ts.Expression): boolean => {
    const u = unwrap(r);
    const a = ts.isCallExpression(u) ? (u.arguments.length === 1 ? unwrap(u.arguments[0]!) : ts.isPropertyAccessExpression(u.expression) ? unwrap(u.expression.expression) : undefined) : u;
    return !!a && ts.isIdentifier(a) && names.includes(a.text);
  };
  if (returns.length === 0 || !returns.every(onParam)) return undefined;
  for (const [selector, operand] of [[0, 1], [1, 0]] as const) {
    const sel = names[selector]!;
    const x = names[operand]!;
    const byValue = new Map<string, string>();
    let fallback: string | undefined;
    let ok = false;
    walk(fn.body!, (n) => {
      // switch (kind) { case 'relu': return tf.relu(t); ...; default: return tf.tanh(t); }
      if (ts.isSwitchStatement(n) && ts.isIdentifier(unwrap(n.expression)) && (unwrap(n.expression) as ts.Identifier).text === sel) {
        ok = true;
        let pending: string[] = [];
        for (const clause of n.caseBlock.clauses) {
          if (ts.isCaseClause(clause)) {
            const lit = unwrap(clause.expression);
            if (!ts.isStringLiteralLike(lit)) { ok = false; return false; }
            pending.push(lit.text);
          }
          if (clause.statements.length === 0) continue;
          const ret = clause.statements.find(ts.isReturnStatement);
          const act = applied(model, ret?.expression, x);
          if (!act) { ok = false; return false; }
          for (const v of pending) byValue.set(v, act);
          if (ts.isDefaultClause(clause)) fallback = act;
          pending = [];
        }
        return false;
      }
      // const f = TABLE[name]; ... return f(t);   or   return TABLE[name](t);
      if (ts.isElementAccessExpression(n) && ts.isIdentifier(unwrap(n.argumentExpression)) && (unwrap(n.argumentExpression) as ts.Identifier).text === sel) {
        const table = tableOf(model, n.expression);
        if (table) { for (const [k, v] of table) byValue.set(k, v); ok = true; }
      }
      return undefined;
    });
    if (!ok || byValue.size === 0) continue;
    // Every return must apply the chosen activation to the operand: `return f(t)` / `return TABLE[name](t)`.
    const switched = returns.every((r) => applied(model, r, x) !== undefined || isTableCall(model, r, sel, x));
    if (!switched || returns.length === 0) continue;
    // After a switch with no default, a trailing `return tf.tanh(t)` is what other values get.
    if (fallback === undefined) {
      const last = fn.body && ts.isBlock(fn.body) ? fn.body.statements[fn.body.statements.length - 1] : undefined;
      if (last && ts.isReturnStatement(last)) fallback = applied(model, last.expression, x);
    }
    return { operand, selector, byValue, fallback };
  }
  return undefined;
}

/** `switch (kind) {...}`, `const f = TABLE[name];`, `return TABLE[name](t);` as a statement of a body. */
function selectsAtTop(st: ts.Statement): boolean {
  if (ts.isSwitchStatement(st)) return true;
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.some((d) => !!d.initializer && ts.isElementAccessExpression(unwrap(d.initializer)));
  if (ts.isReturnStatement(st) && st.expression) {
    const e = unwrap(st.expression);
    return ts.isCallExpression(e) && ts.isElementAccessExpression(unwrap(e.expression));
  }
  return false;
}

/** `f(t)` with `const f = TABLE[name]`, or `TABLE[name](t)`. */
function isTableCall(model: FileModel, r: ts.Expression, sel: string, x: string): boolean {
  const e = unwrap(r);
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return false;
  const arg = unwrap(e.arguments[0]!);
  if (!ts.isIdentifier(arg) || arg.text !== x) return false;
  let callee = unwrap(e.expression);
  if (ts.isIdentifier(callee)) {
    const init = initialValueOf(model.scopes, callee);
    if (!init) return false;
    callee = unwrap(init);
  }
  return ts.isElementAccessExpression(callee) && ts.isIdentifier(unwrap(callee.argumentExpression)) && (unwrap(callee.argumentExpression) as ts.Identifier).text === sel;
}

/** `const ACTIVATIONS = { relu: (t) => tf.relu(t), linear: (t) => t }`: name -> activation. */
function tableOf(model: FileModel, e: ts.Expression): Map<string, string> | undefined {
  const u = unwrap(e);
  const init = ts.isIdentifier(u) ? initialValueOf(model.scopes, u) : undefined;
  const lit = init && unwrap(init);
  if (!lit || !ts.isObjectLiteralExpression(lit)) return undefined;
  const out = new Map<string, string>();
  for (const p of lit.properties) {
    const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    const act = ts.isPropertyAssignment(p) ? functionActivation(model, p.initializer)
      : ts.isMethodDeclaration(p) ? functionActivation(model, p as unknown as ts.Expression) : undefined;
    if (!key || !act) return undefined;
    out.set(key, act);
  }
  return out;
}

/**
 * The string values `e` can hold at the call: a literal, a `const`, or a field whose every value in
 * the file is known (a literal initialiser, or a constructor parameter's default and the literals
 * every `new` of the class passes, also as a member of an options object).
 */
function possibleStrings(model: FileModel, e: ts.Expression, depth: number): Set<string> | undefined {
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u)) return new Set([u.text]);
  if (depth > 3) return undefined;
  if (ts.isIdentifier(u)) {
    const b = model.scopes.resolve(u);
    const decl = b?.parent;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && (decl.parent.flags & ts.NodeFlags.Const) !== 0) return possibleStrings(model, decl.initializer, depth + 1);
    return undefined;
  }
  const field = thisFieldName(u);
  if (!field) return undefined;
  let cls: ts.Node | undefined = u.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls || !ts.isClassLike(cls) || !cls.name) return undefined;
  const values = new Set<string>();
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  let sources = 0;
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && declaredMemberName(m) === field && m.initializer) {
      const v = possibleStrings(model, m.initializer, depth + 1);
      if (!v) return undefined;
      v.forEach((x) => values.add(x));
      sources++;
    }
  }
  // Any write of the field outside the constructor: its value is not known here.
  let unknown = false;
  walk(cls, (n) => {
    if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken || thisFieldName(unwrap(n.left)) !== field) return;
    let owner: ts.Node | undefined = n.parent;
    while (owner && !ts.isConstructorDeclaration(owner) && !ts.isClassLike(owner) && !ts.isFunctionLike(owner)) owner = owner.parent;
    if (owner !== ctor) { unknown = true; return; }
    const right = unwrap(n.right);
    const fromParam = ts.isIdentifier(right) ? paramValues(model, cls as ts.ClassDeclaration, ctor!, right) : possibleStrings(model, right, depth + 1);
    if (!fromParam) unknown = true;
    else { fromParam.forEach((x) => values.add(x)); sources++; }
  });
  // `constructor(private readonly act: Activation = 'tanh')`
  const prop = ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === field && (ts.getModifiers(p)?.length ?? 0) > 0);
  if (prop && ctor) {
    const v = paramValues(model, cls, ctor, prop.name as ts.Identifier);
    if (!v) return undefined;
    v.forEach((x) => values.add(x));
    sources++;
  }
  return unknown || sources === 0 ? undefined : values;
}

/**
 * The values a constructor parameter (or a member destructured from one, `{ activation = 'relu' }`)
 * takes over every `new` of the class in the file: the literal passed, or the default when nothing is.
 */
function paramValues(model: FileModel, cls: ts.ClassLikeDeclaration, ctor: ts.ConstructorDeclaration, id: ts.Identifier): Set<string> | undefined {
  const b = model.scopes.resolve(id) ?? id;
  const decl = b.parent;
  if (ts.isParameter(decl) && decl.parent === ctor) return argumentValues(model, cls, ctor.parameters.indexOf(decl), undefined, decl.initializer);
  if (ts.isBindingElement(decl) && ts.isObjectBindingPattern(decl.parent) && ts.isParameter(decl.parent.parent) && decl.parent.parent.parent === ctor && !decl.dotDotDotToken) {
    const key = decl.propertyName ?? decl.name;
    const member = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
    return member === undefined ? undefined : argumentValues(model, cls, ctor.parameters.indexOf(decl.parent.parent), member, decl.initializer);
  }
  return undefined;
}

/**
 * The values an expression of the constructor takes over every `new`: a literal, a parameter
 * (`act`), a member of an options parameter with a default (`opts.activation ?? 'tanh'`,
 * `opts.activation || 'tanh'`).
 */
function constructorValues(model: FileModel, cls: ts.ClassLikeDeclaration, ctor: ts.ConstructorDeclaration, e: ts.Expression): Set<string> | undefined {
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u)) return new Set([u.text]);
  if (ts.isIdentifier(u)) return paramValues(model, cls, ctor, u);
  let member = u;
  let fallback: ts.Expression | undefined;
  if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || u.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    member = unwrap(u.left);
    fallback = u.right;
  }
  if (!ts.isPropertyAccessExpression(member) || !ts.isIdentifier(unwrap(member.expression))) return undefined;
  const param = model.scopes.resolve(unwrap(member.expression) as ts.Identifier)?.parent;
  if (!param || !ts.isParameter(param) || param.parent !== ctor) return undefined;
  return argumentValues(model, cls, ctor.parameters.indexOf(param), member.name.text, fallback);
}

/**
 * The literal every `new` of the class passes at `index` (or as `member` of the options object
 * passed there), or `fallback` where it passes nothing.
 */
function argumentValues(model: FileModel, cls: ts.ClassLikeDeclaration, index: number, member: string | undefined, fallback: ts.Expression | undefined): Set<string> | undefined {
  const name = cls.name?.text;
  if (!name) return undefined;
  const news = newsOf(model, name);
  if (news.length === 0) return undefined;
  const values = new Set<string>();
  for (const n of news) {
    let arg = n.arguments?.[index];
    if (arg && member !== undefined) {
      const obj = unwrap(arg);
      if (!ts.isObjectLiteralExpression(obj) || obj.properties.some((p) => ts.isSpreadAssignment(p))) return undefined;
      const p = obj.properties.find((q) => q.name && (ts.isIdentifier(q.name) || ts.isStringLiteral(q.name)) && q.name.text === member);
      arg = p && ts.isPropertyAssignment(p) ? p.initializer : undefined;
      if (p && !arg) return undefined;
    }
    const v = arg ? unwrap(arg) : fallback && unwrap(fallback);
    if (!v || !ts.isStringLiteralLike(v)) return undefined;
    values.add(v.text);
  }
  return values;
}

/**
 * `this.act(n)` where the constructor picks `this.act` from a table of activation functions by a
 * value known at every `new` (`this.act = ACTIVATIONS[opts.activation ?? 'tanh']`, every `new`
 * passing `{ activation: 'relu' }` or nothing): that activation, when every value picks the same.
 */
export function selectedFieldActivation(model: FileModel, call: ts.CallExpression): { name: string; operand: ts.Expression } | undefined {
  const recv = calleeReceiver(call);
  const field = calleeName(call);
  if (call.arguments.length !== 1 || !recv || unwrap(recv).kind !== ts.SyntaxKind.ThisKeyword || !field) return undefined;
  const cls = enclosingClassOfThis(recv);
  const act = cls && fieldActivations(model).get(cls)?.get(field);
  return act && act !== 'linear' ? { name: act, operand: call.arguments[0]! } : undefined;
}

/** Names of the fields constructors pick from an activation table (for the rule's call index). */
export const selectedFieldNames = lastFileMemo((model: FileModel): string[] =>
  [...new Set([...fieldActivations(model).values()].flatMap((m) => [...m.keys()]))]);

/** Per class, the fields its constructor picks from an activation table, with the one activation every `new` gets. */
const fieldActivations = lastFileMemo((model: FileModel): Map<ts.ClassLikeDeclaration, Map<string, string>> => {
  const out = new Map<ts.ClassLikeDeclaration, Map<string, string>>();
  for (const cls of new Set(model.classes.values())) {
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    if (!ctor?.body) continue;
    const picked = new Map<string, string | null>();
    // The class's writes from the index (a binary search, not a walk: most classes pick nothing).
    for (const n of nodesInside(model.index.writes, cls)) {
      if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const field = thisFieldName(unwrap(n.left));
      if (field === undefined) continue;
      // Only one write, in the constructor itself, of a table lookup.
      const right = unwrap(n.right);
      const inCtor = isWithin(n, ctor.body!);
      const table = inCtor && !picked.has(field) && ts.isElementAccessExpression(right) ? tableOf(model, right.expression) : undefined;
      const values = table ? constructorValues(model, cls, ctor, (right as ts.ElementAccessExpression).argumentExpression) : undefined;
      const acts = values && new Set([...values].map((v) => table!.get(v)));
      picked.set(field, acts && acts.size === 1 && !acts.has(undefined) ? [...acts][0]! : null);
    }
    const known = new Map([...picked].filter((e): e is [string, string] => e[1] !== null));
    if (known.size > 0) out.set(cls, known);
  }
  return out;
});
