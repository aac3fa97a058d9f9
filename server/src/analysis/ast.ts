// Small, allocation-free helpers over the TypeScript AST shared by the model and the rules.
import ts from '../typescript';

/** Strips parentheses, `as`, `satisfies`, `<T>x` and `x!`: the value is the same expression. */
export function unwrap(node: ts.Expression): ts.Expression {
  let e = node;
  // A switch on the kind: this runs on nearly every expression the analysis looks at.
  for (;;) {
    switch (e.kind) {
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.SatisfiesExpression:
        e = (e as ts.ParenthesizedExpression).expression;
        break;
      default:
        return e;
    }
  }
}

/** The outermost expression that is `n` (through parentheses, `as` and `!`): unwrap's inverse. */
export function outermost(n: ts.Node): ts.Node {
  let e = n;
  while (ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isNonNullExpression(e.parent)) e = e.parent;
  return e;
}

/** The name of a property access / element access with a string literal, else undefined. */
export function memberName(node: ts.Node): string | undefined {
  if (node.kind === ts.SyntaxKind.PropertyAccessExpression) return (node as ts.PropertyAccessExpression).name.text;
  if (node.kind === ts.SyntaxKind.ElementAccessExpression) {
    const arg = (node as ts.ElementAccessExpression).argumentExpression;
    if (ts.isStringLiteralLike(arg)) return arg.text;
  }
  return undefined;
}

/** `state[0]`: an element of a plain name at a fixed (numeric literal) index. */
export function isFixedElementOfName(e: ts.Expression): e is ts.ElementAccessExpression {
  return ts.isElementAccessExpression(e) && ts.isIdentifier(unwrap(e.expression)) && ts.isNumericLiteral(unwrap(e.argumentExpression));
}

/** `outs[outs.length - 1]`, `outs.at(-1)`, `outs[0]`: the plain name of the array an element is read from. */
export function elementArrayName(e: ts.Expression): ts.Identifier | undefined {
  const u = unwrap(e);
  const arr = ts.isElementAccessExpression(u) ? unwrap(u.expression)
    : ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && u.expression.name.text === 'at' && u.arguments.length === 1 ? unwrap(u.expression.expression)
    : undefined;
  return arr && ts.isIdentifier(arr) ? arr : undefined;
}

/** For `a.b.c(...)`: the method name `c`; for `f(...)`: `f`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (callee.kind === ts.SyntaxKind.Identifier) return (callee as ts.Identifier).text;
  return memberName(callee);
}

/** unwrap, also through `await` (`await (await load())`): the value an async call resolves to. */
export function unwrapAwaited(node: ts.Expression): ts.Expression {
  let e = unwrap(node);
  while (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  return e;
}

/** What an access chain starts from: `cellVars` of `cellVars.Wx`, `this` of `this.states[k].h` (through parentheses and casts). */
export function accessBase(e: ts.Expression): ts.Expression {
  let base = unwrap(e);
  while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) base = unwrap(base.expression);
  return base;
}

/** For `recv.m(...)`: `recv`; else undefined. */
export function calleeReceiver(call: ts.CallExpression): ts.Expression | undefined {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) return callee.expression;
  return undefined;
}

/** `this.name` -> "name"; also `self.name` after ES5's `var self = this`. */
export function thisFieldName(node: ts.Node): string | undefined {
  if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
      (node.expression.kind === ts.SyntaxKind.ThisKeyword || isThisAlias(node.expression))) {
    return memberName(node);
  }
  return undefined;
}

/** The names ES5 code gives `this` for its callbacks (`var self = this`). */
const THIS_ALIAS_NAMES = new Set(['self', 'that', '_this', '_self', 'me']);

/**
 * Is `e` a variable holding the enclosing function's `this` (`var self = this` at the top level of
 * an enclosing function's body)? Only the usual names are looked up: the test walks the enclosing
 * functions, and in a web worker a bare `self` is the global scope.
 */
export function isThisAlias(e: ts.Node): boolean {
  return thisAliasDeclarer(e) !== undefined;
}

/**
 * For a `this` alias: the function whose body declares it (`var self = this`); undefined for anything
 * else. A class constructor counts too (`constructor() { const self = this; self.head = ... }`, code
 * ported from Python's `self`): its alias names the object under construction, like its `this`.
 */
function thisAliasDeclarer(e: ts.Node): FunctionLike | ts.ConstructorDeclaration | undefined {
  if (e.kind !== ts.SyntaxKind.Identifier || !THIS_ALIAS_NAMES.has((e as ts.Identifier).text)) return undefined;
  const name = (e as ts.Identifier).text;
  for (let p: ts.Node | undefined = e.parent; p; p = p.parent) {
    if (!(isFunctionLike(p) || ts.isConstructorDeclaration(p)) || !p.body || !ts.isBlock(p.body)) continue;
    for (const st of p.body.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer && unwrap(d.initializer).kind === ts.SyntaxKind.ThisKeyword ? p : undefined;
      }
    }
  }
  return undefined;
}

/**
 * The function whose `this` `e` denotes: for `this`, the nearest enclosing function that is not an
 * arrow (arrows keep their function's `this`); for an alias (`self` after `var self = this`), the
 * same, from where the alias is declared.
 */
export function thisOwner(e: ts.Node): FunctionLike | undefined {
  // An alias declared in a constructor is looked up like that constructor's own `this` (from it, outwards).
  const from = e.kind === ts.SyntaxKind.ThisKeyword ? e.parent : thisAliasDeclarer(e);
  for (let p: ts.Node | undefined = from; p; p = p.parent) if (isFunctionLike(p) && !ts.isArrowFunction(p)) return p;
  return undefined;
}

/** A textual path for identifiers and member chains: `this.cell.kernel` -> "this.cell.kernel". */
export function accessPath(node: ts.Expression): string | undefined {
  const e = unwrap(node);
  if (ts.isIdentifier(e)) return e.text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  const name = memberName(e);
  if (name !== undefined && (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))) {
    const base = accessPath(e.expression);
    return base === undefined ? undefined : `${base}.${name}`;
  }
  return undefined;
}

/** The last name of `node`'s access path (`this.cell.fwd` -> "fwd"), without building the path. */
export function accessPathTail(node: ts.Expression): string | undefined {
  const e = unwrap(node);
  if (e.kind === ts.SyntaxKind.Identifier) return (e as ts.Identifier).text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  const name = memberName(e);
  if (name === undefined) return undefined;
  // A React-style ref's value is named by the ref: `hidden.current` is the hidden state.
  if (name === 'current') return accessPathTail((e as ts.PropertyAccessExpression).expression);
  // Only a path when its base is one too (`f().cell` is not).
  for (let b = unwrap((e as ts.PropertyAccessExpression).expression); ; b = unwrap((b as ts.PropertyAccessExpression).expression)) {
    if (b.kind === ts.SyntaxKind.Identifier || b.kind === ts.SyntaxKind.ThisKeyword) return name;
    if (memberName(b) === undefined) return undefined;
  }
}

export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration;

export function isFunctionLike(node: ts.Node): node is FunctionLike {
  const k = node.kind;
  return k === ts.SyntaxKind.FunctionDeclaration || k === ts.SyntaxKind.FunctionExpression || k === ts.SyntaxKind.ArrowFunction ||
    k === ts.SyntaxKind.MethodDeclaration;
}

/** Where a function's name is written: its own name, or the variable, property or member it is assigned to. */
export function functionNameNode(fn: FunctionLike): ts.Node | undefined {
  if (fn.name) return fn.name;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && accessPath(parent.left) !== undefined) {
    const left = unwrap(parent.left);
    return ts.isPropertyAccessExpression(left) ? left.name : ts.isElementAccessExpression(left) ? left.argumentExpression : left;
  }
  return undefined;
}

/** The name a class member declares (`h`, `#h`, `'h'`), when it is not computed; `this.h` / `this.#h` read it. */
export function declaredMemberName(m: { name?: ts.PropertyName | ts.BindingName }): string | undefined {
  const n = m.name;
  return n && (ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteral(n)) ? n.text : undefined;
}

/** The name a function is known by (where `functionNameNode` points), when it is a plain name, not a computed one. */
export function functionName(fn: FunctionLike): string | undefined {
  const n = functionNameNode(fn);
  return n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n)) ? n.text : undefined;
}

export function isLoop(node: ts.Node): node is ts.IterationStatement {
  const k = node.kind;
  return k === ts.SyntaxKind.ForStatement || k === ts.SyntaxKind.ForOfStatement || k === ts.SyntaxKind.ForInStatement ||
    k === ts.SyntaxKind.WhileStatement || k === ts.SyntaxKind.DoStatement;
}

/** Array methods whose callback runs once per element: an unroll loop when it calls a step. */
export const ITERATING_ARRAY_METHODS = new Set(['forEach', 'map', 'reduce', 'reduceRight', 'flatMap', 'filter', 'some', 'every', 'forEachAsync']);

/** The callback of `xs.forEach(cb)` / `xs.map(cb)` / `xs.reduce(cb, init)`, when node is such a call. */
export function iteratingCallback(node: ts.Node): FunctionLike | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const name = calleeName(node);
  // `Array.from(xs, (x) => ...)`: the map callback is the second argument.
  const recv = calleeReceiver(node);
  const arrayFrom = name === 'from' && !!recv && ts.isIdentifier(unwrap(recv)) && (unwrap(recv) as ts.Identifier).text === 'Array';
  if (!name || !(ITERATING_ARRAY_METHODS.has(name) || arrayFrom) || !recv) return undefined;
  const cb = node.arguments[arrayFrom ? 1 : 0] && unwrap(node.arguments[arrayFrom ? 1 : 0]!);
  return cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) ? cb : undefined;
}

/** Identifiers bound by a binding name (plain identifier or destructuring pattern). */
export function boundIdentifiers(name: ts.BindingName, out: ts.Identifier[] = []): ts.Identifier[] {
  if (ts.isIdentifier(name)) out.push(name);
  else {
    for (const el of name.elements) {
      if (ts.isBindingElement(el)) boundIdentifiers(el.name, out);
    }
  }
  return out;
}

/** Depth-first walk that does not enter nested functions unless asked to. */
export function walk(node: ts.Node, visit: (n: ts.Node) => boolean | void, intoFunctions = true): void {
  const rec = (n: ts.Node): void => {
    if (visit(n) === false) return;
    if (!intoFunctions && n !== node && isFunctionLike(n)) return;
    ts.forEachChild(n, rec);
  };
  rec(node);
}

/**
 * The members a type spells out: a type literal's, or those of the interface or object type alias
 * a type reference names at the top of the file (the last such declaration).
 */
export function declaredTypeMembers(sf: ts.SourceFile, type: ts.TypeNode): ts.NodeArray<ts.TypeElement> | undefined {
  if (ts.isTypeLiteralNode(type)) return type.members;
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const name = type.typeName.text;
  let members: ts.NodeArray<ts.TypeElement> | undefined;
  for (const st of sf.statements) {
    if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name.text === name) {
      members = ts.isInterfaceDeclaration(st) ? st.members : ts.isTypeLiteralNode(st.type) ? st.type.members : undefined;
    }
  }
  return members;
}

/**
 * The value an object literal gives `key`, as JS does: the last member written for it (the name of
 * a shorthand `{ m }`); undefined when a spread after it may overwrite it (`{ m, ...rest }`), or for
 * a computed key.
 */
export function objectLiteralMember(lit: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (let i = lit.properties.length - 1; i >= 0; i--) {
    const p = lit.properties[i]!;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) return p.name;
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key) return p.initializer;
    if (ts.isSpreadAssignment(p)) return undefined;
  }
  return undefined;
}

/**
 * Does `test` hold for one of the places the left side of an assignment writes: the target itself,
 * or, for a destructuring assignment, each element (`[this.h, this.c] = init()`, `({ h, c: this.c } = s)`),
 * through nested patterns, spreads and defaults (`[h = h0] = xs`)? A shorthand member (`{ h }`) is its name.
 */
export function someAssignedTarget(target: ts.Expression, test: (e: ts.Expression) => boolean): boolean {
  const t = ts.isParenthesizedExpression(target) ? target.expression : target;
  if (ts.isArrayLiteralExpression(t)) {
    return t.elements.some((e) => !ts.isOmittedExpression(e) && someAssignedTarget(ts.isSpreadElement(e) ? e.expression : e, test));
  }
  if (ts.isObjectLiteralExpression(t)) {
    return t.properties.some((p) =>
      (ts.isShorthandPropertyAssignment(p) && test(p.name)) ||
      (ts.isPropertyAssignment(p) && someAssignedTarget(p.initializer, test)) ||
      (ts.isSpreadAssignment(p) && someAssignedTarget(p.expression, test)));
  }
  if (ts.isBinaryExpression(t) && t.operatorToken.kind === ts.SyntaxKind.EqualsToken) return someAssignedTarget(t.left, test);
  return test(t);
}

/**
 * Is `e` written by an assignment: its left side (`e = v`, `e += v`), or a place in a
 * destructuring one (`[state[0], state[1]] = cell(...)`, `({ h: e } = v)`)?
 */
export function isAssignmentTarget(e: ts.Expression): boolean {
  let n: ts.Node = e;
  let p = n.parent;
  let destructured = false;
  for (;; n = p, p = p.parent) {
    if (ts.isParenthesizedExpression(p)) continue;
    if (ts.isArrayLiteralExpression(p) || ts.isObjectLiteralExpression(p) || ts.isSpreadElement(p) || ts.isShorthandPropertyAssignment(p) ||
        (ts.isPropertyAssignment(p) && p.initializer === n)) { destructured = true; continue; }
    break;
  }
  if (!ts.isBinaryExpression(p) || p.left !== n) return false;
  // Only `=` destructures; `[a] += v` is no assignment to `a`.
  return destructured ? p.operatorToken.kind === ts.SyntaxKind.EqualsToken : isAssignmentOperator(p.operatorToken.kind);
}

export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/**
 * Does `n` lie within `outer`'s text (or is it `outer`)? For two nodes of the same tree, which is
 * every caller in the engine: the cheap form of isInside, used on hot paths.
 */
export function isWithin(n: ts.Node, outer: ts.Node): boolean {
  return n.pos >= outer.pos && n.end <= outer.end;
}

/** Is `node` inside `ancestor` (or the same node)? */
export function isInside(node: ts.Node, ancestor: ts.Node): boolean {
  return node.pos >= ancestor.pos && node.end <= ancestor.end && node.getSourceFile() === ancestor.getSourceFile();
}

export function enclosingFunction(node: ts.Node): FunctionLike | undefined {
  for (let p = node.parent; p; p = p.parent) if (isFunctionLike(p)) return p;
  return undefined;
}

/** Leading whitespace of the line that `pos` is on. */
export function indentAt(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const m = /^[ \t]*/.exec(text.slice(lineStart, pos));
  return m ? m[0] : '';
}

export function numericLiteralValue(node: ts.Expression): number | undefined {
  const e = unwrap(node);
  return ts.isNumericLiteral(e) ? Number(e.text) : undefined;
}

/**
 * The expressions a function returns: an arrow's expression body, or the values of its own
 * `return` statements (not those of functions nested in it). Undefined when a `return` has no
 * value, so callers that need every path's value can tell.
 */
export function returnedExpressions(fn: ts.FunctionLikeDeclaration): readonly ts.Expression[] | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return [body];
  // Several rules ask this of the same functions: the answer is kept per function node (a new
  // parse makes new nodes, so nothing outlives its file). Callers must not change the array.
  const known = returnsMemo.get(fn);
  if (known !== undefined) return known ?? undefined;
  const found = collectReturns(body);
  returnsMemo.set(fn, found ?? null);
  return found;
}

const returnsMemo = new WeakMap<ts.Node, ts.Expression[] | null>();

function collectReturns(body: ts.Block): ts.Expression[] | undefined {
  const out: ts.Expression[] = [];
  let bare = false;
  const visit = (n: ts.Node): void => {
    // Any nested function-like (arrows, methods, accessors, constructors) returns for itself.
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n)) {
      if (n.expression) out.push(n.expression);
      else bare = true;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return bare ? undefined : out;
}

/**
 * The names a function declares with `var` in its own body (not in functions nested in it), other
 * than its parameters: hoisted to the whole function, so every use of the name there is that
 * variable (`var h = h || init` reads the new, undefined `h`).
 */
export function hoistedVarNames(fn: FunctionLike): ts.Identifier[] {
  const params = new Set(fn.parameters.flatMap((p) => boundIdentifiers(p.name).map((id) => id.text)));
  const out: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) return;
    if (ts.isVariableDeclarationList(n) && (n.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0) {
      for (const d of n.declarations) for (const id of boundIdentifiers(d.name)) if (!params.has(id.text)) out.push(id);
    }
    ts.forEachChild(n, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return out;
}
