// What a field set from a constructor parameter holds: the arguments every `new` of the class in
// the file passes there (`constructor(private readonly model: LayersModel)` or `this.model = model`,
// with `new Batcher(buildModel())`). Rules follow a value into a field this way.
import ts from '../typescript';
import { isInside, objectLiteralMember, thisFieldName, unwrap, walk } from './ast';
import { lastFileMemo } from './calls';
import { subclassesOf } from './class-hierarchy';
import type { FileModel } from './model';

/** `new X(...)` expressions of the file, by class name (one walk per file). */
const newsByClass = lastFileMemo((model: FileModel): Map<string, ts.NewExpression[]> => {
  const out = new Map<string, ts.NewExpression[]>();
  if (!model.sf.text.includes('new ')) return out;
  walk(model.sf, (n) => {
    if (!ts.isNewExpression(n) || !ts.isIdentifier(n.expression)) return;
    const list = out.get(n.expression.text) ?? [];
    list.push(n);
    out.set(n.expression.text, list);
  });
  return out;
});

/** Every `new` of the class named `name` in the file. */
export function newsOf(model: FileModel, name: string): readonly ts.NewExpression[] {
  return newsByClass(model).get(name) ?? [];
}

/**
 * The index of the constructor parameter that `this.<field>` is set from, if the constructor does
 * only that with it; `member` when the parameter is an options object destructured in place
 * (`constructor({ model, queue })` with `this.model = model`): the member of it that is stored.
 */
export function constructorParameterOf(cls: ts.ClassLikeDeclaration, field: string): { ctor: ts.ConstructorDeclaration; index: number; member?: string } | undefined {
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  if (!ctor?.body) return undefined;
  // `constructor(private readonly model: M)`
  let index = ctor.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === field && (ts.getModifiers(p)?.length ?? 0) > 0);
  // `this.model = model`
  for (const st of ctor.body.statements) {
    const e = ts.isExpressionStatement(st) ? unwrap(st.expression) : undefined;
    if (!e || !ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken || thisFieldName(unwrap(e.left)) !== field) continue;
    const r = unwrap(e.right);
    index = ts.isIdentifier(r) ? ctor.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === r.text) : -1;
    if (index < 0 && ts.isIdentifier(r)) {
      const found = optionsMemberOf(ctor, r.text);
      if (found) return { ctor, ...found };
    }
  }
  return index >= 0 ? { ctor, index } : undefined;
}

/**
 * `constructor({ model, queue, log = console })`: the parameter and member that bind `name`, when
 * taken plainly (no rest, no nesting). A member with a default is left out: where a `new` omits
 * it, the value is the default, which this does not follow.
 */
function optionsMemberOf(ctor: ts.ConstructorDeclaration, name: string): { index: number; member: string } | undefined {
  for (const [index, p] of ctor.parameters.entries()) {
    if (!ts.isObjectBindingPattern(p.name)) continue;
    const el = p.name.elements.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
    const key = el && !el.dotDotDotToken && !el.initializer ? (el.propertyName ?? el.name) : undefined;
    if (key && (ts.isIdentifier(key) || ts.isStringLiteral(key))) return { index, member: key.text };
  }
  return undefined;
}

/**
 * The expressions every `new` of `cls` passes for the constructor parameter stored in
 * `this.<field>` (its default where a `new` passes nothing); undefined when one is unknown or
 * the class is never made here.
 */
export function fieldConstructorArgs(model: FileModel, cls: ts.ClassLikeDeclaration, field: string): ts.Expression[] | undefined {
  const at = cls.name && constructorParameterOf(cls, field);
  if (!at || !cls.name) return undefined;
  const news = newsOf(model, cls.name.text);
  if (news.length === 0) return undefined;
  const fallback = at.ctor.parameters[at.index]?.initializer;
  const out: ts.Expression[] = [];
  for (const n of news) {
    const arg = n.arguments?.[at.index] ?? fallback;
    if (!arg || ts.isSpreadElement(arg)) return undefined;
    const value = at.member === undefined ? arg : optionValue(arg, at.member);
    if (!value) return undefined;
    out.push(value);
  }
  return out;
}

/** `{ model, queue }` / `{ model: streaming }` passed as an options object: the member's value (a spread anywhere could override it: unknown). */
function optionValue(arg: ts.Expression, member: string): ts.Expression | undefined {
  const obj = unwrap(arg);
  return ts.isObjectLiteralExpression(obj) && !obj.properties.some(ts.isSpreadAssignment) ? objectLiteralMember(obj, member) : undefined;
}

/**
 * The constructor parameter `this.<field>` is set from, for a class the file never makes (`export
 * class Suggester { constructor(model) { this.model = model } }` with no `new Suggester` here): the
 * importing code makes its objects, so the file cannot say what they are given; a rule may take the
 * parameter for what the module itself provides (its only kind of model), under its own conditions.
 * `name` is the parameter's name, or the member's for an options object (`constructor({ model })`).
 * Undefined when the class is made here (fieldConstructorArgs answers then), when a subclass of the
 * file could pass something else through `super(...)`, or when the field, or a member of that name
 * on any object, is written anywhere but in that constructor (`setModel(m) { this.model = m }`).
 */
export function fieldFromOutside(model: FileModel, cls: ts.ClassLikeDeclaration, field: string): { param: ts.ParameterDeclaration; name: string } | undefined {
  const at = cls.name && constructorParameterOf(cls, field);
  if (!at || !cls.name || newsOf(model, cls.name.text).length > 0 || subclassesOf(cls, model.classes).length > 0) return undefined;
  const param = at.ctor.parameters[at.index]!;
  const name = at.member ?? (ts.isIdentifier(param.name) ? param.name.text : undefined);
  return name !== undefined && !writtenOutside(model, cls, at.ctor, field) ? { param, name } : undefined;
}

/**
 * Is the field assigned anywhere outside `ctor`: `this.<field>` in another member of `cls`, or a
 * member of that name on some other object (`scorer.model = m`)? (`this.<field>` in another class
 * of the file is that class's own field.)
 */
function writtenOutside(model: FileModel, cls: ts.ClassLikeDeclaration, ctor: ts.ConstructorDeclaration, field: string): boolean {
  return model.index.writes.some((w) => {
    if (!ts.isBinaryExpression(w) || isInside(w, ctor)) return false;
    const left = unwrap(w.left);
    if (ts.isPropertyAccessExpression(left) && left.name.text === field) return thisFieldName(left) === undefined || isInside(w, cls);
    if (ts.isPropertyAccessExpression(left)) return false;
    // `[this.model, x] = ...`, `({ model: this.model } = ...)`: a destructuring write of the member.
    let found = false;
    if (ts.isArrayLiteralExpression(left) || ts.isObjectLiteralExpression(left)) walk(left, (n) => { if (!found && ts.isPropertyAccessExpression(n) && n.name.text === field) found = true; return !found; });
    return found;
  });
}
