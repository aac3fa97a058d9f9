// Class inheritance within one file: which class a class extends, where an inherited method is
// defined, and which method `super.m()` runs. Library-style cells keep their helpers in a base
// class (`readState`, `gateBlock`) and let subclasses override the pieces a base step calls
// (`combine`, `act`); following those is what lets the rules see through a hierarchy.
import ts from '../typescript';
import { declaredMemberName, thisOwner, type FunctionLike } from './ast';

/** Inheritance chains longer than this are not followed (also guards against a cycle in broken code). */
const MAX_DEPTH = 8;

/**
 * The class of this file that `cls` extends (`class B extends A`), if it is one. A mixin counts:
 * `class B extends WithMemory(A)` extends the class `WithMemory` returns, and that class (`class
 * extends Base`, `Base` its parameter) extends `A` when every use of the mixin in the file passes `A`.
 */
export function baseClassOf(cls: ts.ClassLikeDeclaration, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): ts.ClassLikeDeclaration | undefined {
  const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const base = clause?.types[0]?.expression;
  if (!base) return undefined;
  if (ts.isCallExpression(base)) return mixins(cls.getSourceFile(), classes).returned.get(base);
  if (!ts.isIdentifier(base)) return undefined;
  const found = classes.get(base.text) ?? mixins(cls.getSourceFile(), classes).baseOf.get(cls);
  return found === cls ? undefined : found;
}

interface MixinIndex {
  /** `WithMemory(A)` in a heritage clause -> the class expression `WithMemory` returns. */
  returned: Map<ts.CallExpression, ts.ClassLikeDeclaration>;
  /** That class expression -> `A`, when every use passes the same class. */
  baseOf: Map<ts.ClassLikeDeclaration, ts.ClassLikeDeclaration>;
}

let mixinFile: ts.SourceFile | undefined;
let mixinIndex: MixinIndex = { returned: new Map(), baseOf: new Map() };

/** The file's mixin uses (`extends WithMemory(A)`), found in one walk (only in files that have one). */
function mixins(sf: ts.SourceFile, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): MixinIndex {
  if (sf === mixinFile) return mixinIndex;
  mixinFile = sf;
  mixinIndex = { returned: new Map(), baseOf: new Map() };
  if (!/extends\s+[\w$]+\s*\(/.test(sf.text)) return mixinIndex;
  const functions = new Map<string, FunctionLike>();
  const uses: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name && n.body) functions.set(n.name.text, n);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) functions.set(n.name.text, n.initializer);
    if (ts.isHeritageClause(n) && n.token === ts.SyntaxKind.ExtendsKeyword && n.types[0] && ts.isCallExpression(n.types[0].expression)) uses.push(n.types[0].expression);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const passed = new Map<ts.ClassLikeDeclaration, Set<ts.ClassLikeDeclaration | undefined>>();
  for (const use of uses) {
    const fn = ts.isIdentifier(use.expression) ? functions.get(use.expression.text) : undefined;
    const mixin = fn && returnedClass(fn);
    if (!fn || !mixin) continue;
    mixinIndex.returned.set(use, mixin);
    // The mixin's class extends one of the function's parameters: the argument passed there.
    const ext = mixin.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    const k = ext && ts.isIdentifier(ext) ? fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === ext.text) : -1;
    const arg = k >= 0 ? use.arguments[k] : undefined;
    const set = passed.get(mixin) ?? new Set();
    set.add(arg && ts.isIdentifier(arg) ? classes.get(arg.text) : undefined);
    passed.set(mixin, set);
  }
  for (const [mixin, bases] of passed) {
    const only = bases.size === 1 ? [...bases][0] : undefined;
    if (only && only !== mixin) mixinIndex.baseOf.set(mixin, only);
  }
  return mixinIndex;
}

/** `function WithMemory(Base) { return class extends Base { ... }; }`: the class expression returned. */
function returnedClass(fn: FunctionLike): ts.ClassLikeDeclaration | undefined {
  const body = fn.body;
  if (!body) return undefined;
  let e: ts.Expression | undefined;
  if (ts.isBlock(body)) {
    const last = body.statements[body.statements.length - 1];
    e = last && ts.isReturnStatement(last) ? last.expression : undefined;
  } else e = body;
  while (e && ts.isParenthesizedExpression(e)) e = e.expression;
  return e && ts.isClassExpression(e) ? e : undefined;
}

/** Is `m` a method declaration named `name` (`step() {}`, `'step'() {}`), with or without a body? */
function isMethodNamed(m: ts.ClassElement, name: string): m is ts.MethodDeclaration {
  return ts.isMethodDeclaration(m) && declaredMemberName(m) === name;
}

/** The method with a body named `name` that `cls` itself declares (not inherited). */
export function ownMethod(cls: ts.ClassLikeDeclaration, name: string): ts.MethodDeclaration | undefined {
  return cls.members.find((m): m is ts.MethodDeclaration => isMethodNamed(m, name) && !!m.body);
}

/** The method with a body named `name` that an instance of `cls` runs: its own, else the nearest base class's. */
export function findMethod(cls: ts.ClassLikeDeclaration, name: string, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): ts.MethodDeclaration | undefined {
  let c: ts.ClassLikeDeclaration | undefined = cls;
  for (let depth = 0; c && depth < MAX_DEPTH; depth++, c = baseClassOf(c, classes)) {
    const m = ownMethod(c, name);
    if (m) return m;
  }
  return undefined;
}

/** The declaration of field `name` of `cls`: a property, or a constructor's parameter property (`private readonly cell: Cell`). */
export function fieldDeclaration(cls: ts.ClassLikeDeclaration, name: string): ts.PropertyDeclaration | ts.ParameterDeclaration | undefined {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && declaredMemberName(m) === name) return m;
    if (ts.isConstructorDeclaration(m)) {
      const p = m.parameters.find((q) => ts.isIdentifier(q.name) && q.name.text === name && (ts.getModifiers(q)?.length ?? 0) > 0);
      if (p) return p;
    }
  }
  return undefined;
}

/** The class a `this` or `super` at `node` belongs to: the nearest enclosing class, unless a `function` rebinds `this` first. */
export function enclosingClassOfThis(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isClassLike(p)) return p;
    if (ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p)) return undefined;
  }
  return undefined;
}

/** The method `super.name(...)` at `node` runs: found from the base of the class the call is written in. */
export function superMethod(node: ts.Node, name: string, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): ts.MethodDeclaration | undefined {
  const cls = enclosingClassOfThis(node);
  const base = cls && baseClassOf(cls, classes);
  return base && findMethod(base, name, classes);
}

/** The classes of the file that extend `cls`, directly or not. */
export function subclassesOf(cls: ts.ClassLikeDeclaration, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): readonly ts.ClassLikeDeclaration[] {
  return subclassIndex(classes).get(cls) ?? NONE;
}

const NONE: readonly ts.ClassLikeDeclaration[] = [];

// Class -> its subclasses in the file, built once per file (one entry: the file being linted; a
// module-level WeakMap would keep every file's tree alive until a full collection).
let indexedClasses: ReadonlyMap<string, ts.ClassLikeDeclaration> | undefined;
let index = new Map<ts.ClassLikeDeclaration, ts.ClassLikeDeclaration[]>();

function subclassIndex(classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): Map<ts.ClassLikeDeclaration, ts.ClassLikeDeclaration[]> {
  if (classes === indexedClasses) return index;
  index = new Map();
  indexedClasses = classes;
  for (const c of new Set(classes.values())) {
    let b = baseClassOf(c, classes);
    for (let depth = 0; b && depth < MAX_DEPTH; depth++, b = baseClassOf(b, classes)) {
      const list = index.get(b);
      if (list) list.push(c);
      else index.set(b, [c]);
    }
  }
  return index;
}

/**
 * Does a subclass of `cls` in the file define its own `name`? Then `this.name()` written in `cls`
 * runs different code depending on the instance, and no single method answers for it.
 */
export function overriddenBelow(cls: ts.ClassLikeDeclaration, name: string, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): boolean {
  return subclassesOf(cls, classes).some((sub) => sub.members.some((m) => isMethodNamed(m, name)));
}

/**
 * Every method `this.name()` written in `cls` can run: the one `cls` has or inherits, and the
 * overrides its subclasses in the file define (an abstract method contributes only these).
 */
export function implementationsOf(cls: ts.ClassLikeDeclaration, name: string, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): ts.MethodDeclaration[] {
  const out: ts.MethodDeclaration[] = [];
  const own = findMethod(cls, name, classes);
  if (own) out.push(own);
  for (const sub of subclassesOf(cls, classes)) {
    const m = ownMethod(sub, name);
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}

// Prototype classes (ES5): `function Cell() {}`, methods as `Cell.prototype.step = function () {}`,
// inheritance as `Sub.prototype = Object.create(Cell.prototype)` (or `util.inherits(Sub, Cell)`,
// `Object.setPrototypeOf(Sub.prototype, Cell.prototype)`). Known by the constructor's name.

export interface PrototypeClass {
  methods: Map<string, FunctionLike>;
  base?: string;
}

/** `X.prototype.m = function () {}`: the class `X` the function is a method of. */
export function prototypeClassOf(fn: ts.Node): string | undefined {
  const p = fn.parent;
  if (!p || !ts.isBinaryExpression(p) || p.right !== fn || p.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = p.left;
  return ts.isPropertyAccessExpression(left) && ts.isPropertyAccessExpression(left.expression) && left.expression.name.text === 'prototype' &&
    ts.isIdentifier(left.expression.expression) ? left.expression.expression.text : undefined;
}

/** `Cell.prototype` -> `Cell`. */
function prototypeOwner(e: ts.Expression | undefined): string | undefined {
  return e && ts.isPropertyAccessExpression(e) && e.name.text === 'prototype' && ts.isIdentifier(e.expression) ? e.expression.text : undefined;
}

let indexedFile: ts.SourceFile | undefined;
let prototypeIndex = new Map<string, PrototypeClass>();

/** The file's prototype classes by constructor name, found in one walk (only in files that mention `.prototype`). */
export function prototypeClasses(sf: ts.SourceFile): Map<string, PrototypeClass> {
  if (sf === indexedFile) return prototypeIndex;
  indexedFile = sf;
  prototypeIndex = new Map();
  if (!sf.text.includes('prototype')) return prototypeIndex;
  const classOf = (name: string): PrototypeClass => {
    let c = prototypeIndex.get(name);
    if (!c) prototypeIndex.set(name, (c = { methods: new Map() }));
    return c;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const right = n.right.kind === ts.SyntaxKind.ParenthesizedExpression ? (n.right as ts.ParenthesizedExpression).expression : n.right;
      const owner = ts.isFunctionExpression(right) || ts.isArrowFunction(right) ? prototypeClassOf(right) : undefined;
      if (owner && ts.isPropertyAccessExpression(n.left)) classOf(owner).methods.set(n.left.name.text, right as FunctionLike);
      // `Sub.prototype = Object.create(Base.prototype)`
      const sub = prototypeOwner(n.left);
      if (sub && ts.isCallExpression(right) && ts.isPropertyAccessExpression(right.expression) && right.expression.name.text === 'create') {
        const base = prototypeOwner(right.arguments[0]);
        if (base && base !== sub) classOf(sub).base = base;
      }
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.arguments.length === 2) {
      // `util.inherits(Sub, Base)`, `Object.setPrototypeOf(Sub.prototype, Base.prototype)`
      const [a, b] = n.arguments as unknown as [ts.Expression, ts.Expression];
      const name = n.expression.name.text;
      const sub = name === 'inherits' && ts.isIdentifier(a) ? a.text : name === 'setPrototypeOf' ? prototypeOwner(a) : undefined;
      const base = name === 'inherits' && ts.isIdentifier(b) ? b.text : name === 'setPrototypeOf' ? prototypeOwner(b) : undefined;
      if (sub && base && sub !== base) classOf(sub).base = base;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return prototypeIndex;
}

/** The method `name` an instance of prototype class `cls` runs: its own, else the nearest base's. */
export function findPrototypeMethod(sf: ts.SourceFile, cls: string, name: string): FunctionLike | undefined {
  const classes = prototypeClasses(sf);
  let c: string | undefined = cls;
  for (let depth = 0; c && depth < MAX_DEPTH; depth++) {
    const entry = classes.get(c);
    const m = entry?.methods.get(name);
    if (m) return m;
    c = entry?.base;
  }
  return undefined;
}

/** The prototype classes of the file that inherit from `cls`, directly or not. */
export function prototypeSubclassesOf(sf: ts.SourceFile, cls: string): string[] {
  const classes = prototypeClasses(sf);
  const out: string[] = [];
  for (const [name, entry] of classes) {
    let b = entry.base;
    for (let depth = 0; b && depth < MAX_DEPTH; depth++, b = classes.get(b)?.base) {
      if (b === cls) { out.push(name); break; }
    }
  }
  return out;
}

/**
 * Where the object that `this` denotes at `e` (a `this`, a `self` alias, or a member read on one:
 * `self.model`) gets its fields: its class, or for an ES5 prototype class the constructor function
 * (`function Model(opts) { this.net = ... }`) and the class's prototype methods. Empty when unknown.
 */
export function thisHolders(e: ts.Node): ts.Node[] {
  const base = ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? e.expression : e;
  const cls = enclosingClassOfThis(base);
  if (cls) return [cls];
  const fn = thisOwner(base);
  const sf = base.getSourceFile();
  const owner = fn && (prototypeClassOf(fn) ?? (ts.isFunctionDeclaration(fn) && fn.name && prototypeClasses(sf).has(fn.name.text) ? fn.name.text : undefined));
  return owner ? prototypeHolders(sf, owner) : [];
}

/** Where an ES5 class `name` writes its fields: its constructor function and its prototype methods. */
export function prototypeHolders(sf: ts.SourceFile, name: string): ts.Node[] {
  const ctor = sf.statements.find((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === name);
  return [...(ctor ? [ctor] : []), ...(prototypeClasses(sf).get(name)?.methods.values() ?? [])];
}

/**
 * The classes an object of class `cls` may be, or inherit from: its subclasses, then `cls` and its
 * bases (10 levels at most).
 */
export function classFamily(cls: ts.ClassLikeDeclaration, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): ts.ClassLikeDeclaration[] {
  const family = new Set<ts.ClassLikeDeclaration>(subclassesOf(cls, classes));
  for (let c: ts.ClassLikeDeclaration | undefined = cls, depth = 0; c && depth < 10; c = baseClassOf(c, classes), depth++) family.add(c);
  return [...family];
}

/** The same for an ES5 prototype class, by name: its subclasses, then `owner` and its bases. */
export function prototypeFamily(sf: ts.SourceFile, owner: string): string[] {
  const protos = prototypeClasses(sf);
  const family = new Set<string>(prototypeSubclassesOf(sf, owner));
  for (let c: string | undefined = owner, depth = 0; c && depth < 10; c = protos.get(c)?.base, depth++) family.add(c);
  return [...family];
}
