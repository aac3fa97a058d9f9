// State an object keeps in its own fields (`this.h`), for classes and ES5 prototype classes alike:
// which methods advance it from its old value, and which methods write it at all (resets).
import ts from '../typescript';
import { thisFieldName, unwrap, walk, type FunctionLike } from './ast';
import { baseClassOf, prototypeClasses, prototypeClassOf, prototypeSubclassesOf, subclassesOf } from './class-hierarchy';
import { lastFileMemo } from './calls';
import { fieldsAdvancedBy } from './loop-queries';
import type { FileModel } from './model';

/** A method, class or ES5, and the state fields it advances from their own old value. */
export interface AdvancingMethod {
  fn: FunctionLike;
  name: string;
  fields: string[];
}

/** Methods that advance a state field of their object without a loop (`act(obs) { this.h = f(obs, this.h) }`), by name. */
export const advancingMethods: (model: FileModel) => Map<string, AdvancingMethod[]> = lastFileMemo((model: FileModel) => {
  const out = new Map<string, AdvancingMethod[]>();
  const add = (fn: FunctionLike, name: string): void => {
    const fields = fieldsAdvancedBy(model, fn);
    if (fields.length === 0) return;
    const list = out.get(name) ?? [];
    list.push({ fn, name, fields });
    out.set(name, list);
  };
  for (const cls of new Set(model.classes.values())) {
    for (const m of cls.members) if (ts.isMethodDeclaration(m) && m.body && ts.isIdentifier(m.name)) add(m, m.name.text);
  }
  for (const entry of prototypeClasses(model.sf).values()) for (const [name, fn] of entry.methods) add(fn, name);
  return out;
});

/**
 * Every method an object whose method is `fn` may run, by name: those of `fn`'s class, its bases
 * and its subclasses (the object may be any of them), class or ES5.
 */
export function familyMethods(model: FileModel, fn: FunctionLike): FunctionLike[] {
  const out: FunctionLike[] = [];
  const cls = fn.parent;
  if (ts.isClassLike(cls)) {
    const family = new Set<ts.ClassLikeDeclaration>(subclassesOf(cls, model.classes));
    for (let c: ts.ClassLikeDeclaration | undefined = cls, depth = 0; c && depth < 10; c = baseClassOf(c, model.classes), depth++) family.add(c);
    for (const c of family) for (const m of c.members) if (ts.isMethodDeclaration(m) && m.body) out.push(m);
    return out;
  }
  const owner = prototypeClassOf(fn);
  if (!owner) return out;
  const classes = prototypeClasses(model.sf);
  const family = new Set<string>(prototypeSubclassesOf(model.sf, owner));
  for (let c: string | undefined = owner, depth = 0; c && depth < 10; c = classes.get(c)?.base, depth++) family.add(c);
  for (const c of family) for (const m of classes.get(c)?.methods.values() ?? []) out.push(m);
  return out;
}

/** Does `fn` assign `this.<field>` (any value)? */
export function writesField(fn: FunctionLike, field: string): boolean {
  let found = false;
  if (fn.body) walk(fn.body, (n) => {
    if (found) return false;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && thisFieldName(unwrap(n.left)) === field) found = true;
  });
  return found;
}

/** How many times `fn` assigns `this.<field>`. */
export function fieldWriteCount(fn: FunctionLike, field: string): number {
  let count = 0;
  if (fn.body) walk(fn.body, (n) => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && thisFieldName(unwrap(n.left)) === field) count++;
  });
  return count;
}
