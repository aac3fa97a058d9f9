// Class inheritance within one file: which class a class extends, where an inherited method is
// defined, and which method `super.m()` runs. Library-style cells keep their helpers in a base
// class (`readState`, `gateBlock`) and let subclasses override the pieces a base step calls
// (`combine`, `act`); following those is what lets the rules see through a hierarchy.
import ts from '../typescript';

/** Inheritance chains longer than this are not followed (also guards against a cycle in broken code). */
const MAX_DEPTH = 8;

/** The class of this file that `cls` extends (`class B extends A`), if it is one. */
export function baseClassOf(cls: ts.ClassLikeDeclaration, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>): ts.ClassLikeDeclaration | undefined {
  const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const base = clause?.types[0]?.expression;
  if (!base || !ts.isIdentifier(base)) return undefined;
  const found = classes.get(base.text);
  return found === cls ? undefined : found;
}

/** Is `m` a method declaration named `name` (`step() {}`, `'step'() {}`), with or without a body? */
function isMethodNamed(m: ts.ClassElement, name: string): m is ts.MethodDeclaration {
  return ts.isMethodDeclaration(m) && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === name;
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
