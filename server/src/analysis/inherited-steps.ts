// A base class's step as a subclass runs it. Library code writes the step once, in a base class
// (`RecurrentCell.step` calling `this.mix(inputTerm, recurrentTerm)`), and lets subclasses override
// the pieces it calls: for a `LayerNormCell`, `this.mix` is LayerNormCell's `mix`. The step found
// in the base class is analysed with the base's methods (an abstract one counts every argument);
// here it is analysed again for each subclass that overrides something it calls.
import ts from '../typescript';
import type { FunctionLike } from './ast';
import { lastFileMemo } from './calls';
import { findMethod, findPrototypeMethod, prototypeClassOf, prototypeSubclassesOf, subclassesOf } from './class-hierarchy';
import { analyzeStep, type StepContext } from './dataflow';
import type { FileModel } from './model';
import type { Step } from './steps';

export interface InheritedStep {
  /** The base class's step, analysed with the subclass's methods (states as the base's). */
  view: Step;
  base: Step;
  /** The class that defines the base step, and the subclass the view is for, by name. */
  ownerName: string;
  clsName: string;
  /** How the view was analysed (the subclass's methods): overrides are analysed the same way. */
  context: StepContext;
  /** The methods the view ran that the subclass (or a class between it and the base) overrides. */
  overrides: FunctionLike[];
}

export const inheritedSteps: (model: FileModel) => InheritedStep[] = lastFileMemo((model: FileModel) => {
  const out: InheritedStep[] = [];
  const sf = model.sf;
  for (const base of model.steps) {
    const fn = base.fn;
    const owner = base.classNode ?? (ts.isClassLike(fn.parent) ? fn.parent : undefined);
    const add = (clsName: string, context: StepContext, isOverride: (h: FunctionLike) => boolean): void => {
      const flow = analyzeStep(fn, model.tf, undefined, context);
      const overrides = [...new Set(flow.helperCalls.map((c) => c.helper))].filter(isOverride);
      if (overrides.length > 0) out.push({ view: { ...base, flow, classNode: context.classNode, name: clsName }, base, ownerName: ownerNameOf(owner, fn), clsName, context, overrides });
    };
    if (owner && model.classes.size >= 2 && ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name)) {
      const subclasses = subclassesOf(owner, model.classes);
      for (const cls of subclasses) {
        // A subclass that defines the step itself has a step of its own.
        if (findMethod(cls, fn.name.text, model.classes) !== fn) continue;
        add(cls.name?.text ?? 'subclass', { classNode: cls, classes: model.classes, scopes: model.scopes },
          (h) => ts.isClassLike(h.parent) && subclasses.includes(h.parent));
      }
      continue;
    }
    // `Cell.prototype.step = function (x, h) {...}` and `Sub.prototype = Object.create(Cell.prototype)`.
    const proto = prototypeClassOf(fn);
    const stepName = proto && ts.isBinaryExpression(fn.parent) && ts.isPropertyAccessExpression(fn.parent.left) ? fn.parent.left.name.text : undefined;
    if (!proto || !stepName) continue;
    const subclasses = prototypeSubclassesOf(sf, proto);
    for (const sub of subclasses) {
      if (findPrototypeMethod(sf, sub, stepName) !== fn) continue;
      add(sub, { prototypeClass: sub, classes: model.classes, scopes: model.scopes }, (h) => subclasses.includes(prototypeClassOf(h) ?? ''));
    }
  }
  return out;
});

/** `RecurrentCell` for a method of that class or of `RecurrentCell.prototype`. */
function ownerNameOf(owner: ts.ClassLikeDeclaration | undefined, fn: FunctionLike): string {
  return owner?.name?.text ?? prototypeClassOf(fn) ?? 'base';
}
