// State an object keeps in its own fields (`this.h`), for classes and ES5 prototype classes alike:
// which methods advance it from its old value, and which methods write it at all (resets).
import ts from '../typescript';
import { calleeName, someAssignedTarget, thisFieldName, unwrap, walk, type FunctionLike } from './ast';
import { classFamily, findMethod, findPrototypeMethod, ownMethod, prototypeClasses, prototypeClassOf, prototypeFamily, prototypeSubclassesOf, subclassesOf } from './class-hierarchy';
import { lastFileMemo } from './calls';
import { fieldsAdvancedBy } from './loop-queries';
import type { FileModel } from './model';
import { LISTENER_REGISTRATION } from './tfjs-facts';

/** Names of methods that put an object's state back to its start (`reset()`, `clearState()`, `beginEpisode()`). */
export const RESET_METHOD_NAME = /^(reset|clear|init|zero|restart|begin|start)/i;

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
    for (const c of classFamily(cls, model.classes)) for (const m of c.members) if (ts.isMethodDeclaration(m) && m.body) out.push(m);
    return out;
  }
  const owner = prototypeClassOf(fn);
  if (!owner) return out;
  const classes = prototypeClasses(model.sf);
  for (const c of prototypeFamily(model.sf, owner)) for (const m of classes.get(c)?.methods.values() ?? []) out.push(m);
  return out;
}

/** The methods of `fn`'s family (its class, bases and subclasses) that assign `this.<field>`, other than `except`. */
export function fieldWriters(model: FileModel, fn: FunctionLike, field: string, except?: FunctionLike): FunctionLike[] {
  return familyMethods(model, fn).filter((m) => m !== except && writesField(m, field));
}

/** Does `fn` assign `this.<field>` (any value)? */
export function writesField(fn: FunctionLike, field: string): boolean {
  return fieldWriteCount(fn, field, 1) > 0;
}

/** How many times `fn` assigns `this.<field>`, alone or in a destructuring (`[this.h, this.c] = init()`); counting stops at `limit`. */
export function fieldWriteCount(fn: FunctionLike, field: string, limit = Infinity): number {
  let count = 0;
  if (fn.body) walk(fn.body, (n) => {
    if (count >= limit) return false;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        someAssignedTarget(n.left, (e) => thisFieldName(unwrap(e)) === field)) count++;
  });
  return count;
}

/** A subclass's own version of a method (class or ES5), and the name of that subclass. */
export interface Override { fn: FunctionLike; className: string }

/** The overrides of `method` (named `name`) that the file's subclasses of its class define. */
export function overridesOf(model: FileModel, method: FunctionLike, name: string): Override[] {
  const cls = method.parent;
  if (ts.isClassLike(cls)) {
    return subclassesOf(cls, model.classes).flatMap((sub) => {
      const own = ownMethod(sub, name);
      return own && sub.name ? [{ fn: own, className: sub.name.text }] : [];
    });
  }
  const owner = prototypeClassOf(method);
  if (!owner) return [];
  const classes = prototypeClasses(model.sf);
  return prototypeSubclassesOf(model.sf, owner).flatMap((sub) => {
    const own = classes.get(sub)?.methods.get(name);
    return own ? [{ fn: own, className: sub }] : [];
  });
}

/** The method `name` that an instance of the class defining `fn` runs (its own or inherited). */
export function instanceMethod(model: FileModel, fn: FunctionLike, name: string): FunctionLike | undefined {
  const cls = fn.parent;
  if (ts.isClassLike(cls)) return findMethod(cls, name, model.classes);
  const owner = prototypeClassOf(fn);
  return owner ? findPrototypeMethod(model.sf, owner, name) : undefined;
}

/** The name of the class defining `fn` (`class X`, or `X` of `X.prototype.m = function`). */
export function classNameOf(fn: FunctionLike): string | undefined {
  const cls = fn.parent;
  if (ts.isClassLike(cls)) return cls.name?.text;
  return prototypeClassOf(fn);
}

/**
 * Does an object whose method is `fn` write one of `fields` in a listener it registers
 * (`loop.on('reset', () => { this.h = tf.zeros(...) })`, `bus.subscribe(() => this.clear())` is not
 * followed)? That write runs whenever the event fires (`loop.emit('reset')` at the top of each
 * episode), which no loop in the file shows: the object may well be reset between sequences.
 */
export function resetByListener(model: FileModel, fn: FunctionLike, fields: readonly string[]): boolean {
  for (const m of familyMethods(model, fn)) {
    let found = false;
    if (m.body) walk(m.body, (n) => {
      if (found) return false;
      if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isCallExpression(n.parent) && n.parent.arguments.includes(n as ts.Expression) &&
          LISTENER_REGISTRATION.test(calleeName(n.parent) ?? '') && fields.some((f) => writesField(n, f))) found = true;
    });
    if (found) return true;
  }
  return false;
}
