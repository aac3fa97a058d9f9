// A base class's step as a subclass runs it. Library code writes the step once, in a base class
// (`RecurrentCell.step` calling `this.mix(inputTerm, recurrentTerm)`), and lets subclasses override
// the pieces it calls: for a `LayerNormCell`, `this.mix` is LayerNormCell's `mix`. The step found
// in the base class is analysed with the base's methods (an abstract one counts every argument);
// here it is analysed again for each subclass that overrides something it calls.
import ts from '../typescript';
import type { FunctionLike } from './ast';
import { lastFileMemo } from './calls';
import { findMethod, subclassesOf } from './class-hierarchy';
import { analyzeStep } from './dataflow';
import type { FileModel } from './model';
import type { Step } from './steps';

export interface InheritedStep {
  /** The base class's step, analysed with the subclass's methods (states as the base's). */
  view: Step;
  base: Step;
  /** The class that defines the base step. */
  owner: ts.ClassLikeDeclaration;
  /** The subclass the view is for. */
  cls: ts.ClassLikeDeclaration;
  /** The methods the view ran that the subclass (or a class between it and the base) overrides. */
  overrides: FunctionLike[];
}

export const inheritedSteps: (model: FileModel) => InheritedStep[] = lastFileMemo((model: FileModel) => {
  const out: InheritedStep[] = [];
  if (model.classes.size < 2) return out;
  for (const base of model.steps) {
    const fn = base.fn;
    const owner = base.classNode ?? (ts.isClassLike(fn.parent) ? fn.parent : undefined);
    if (!owner || !ts.isMethodDeclaration(fn) || !ts.isIdentifier(fn.name)) continue;
    const subclasses = subclassesOf(owner, model.classes);
    for (const cls of subclasses) {
      // A subclass that defines the step itself has a step of its own.
      if (findMethod(cls, fn.name.text, model.classes) !== fn) continue;
      const flow = analyzeStep(fn, model.tf, undefined, { classNode: cls, classes: model.classes, scopes: model.scopes });
      const overrides = [...new Set(flow.helperCalls.map((c) => c.helper))]
        .filter((h) => ts.isClassLike(h.parent) && subclasses.includes(h.parent));
      if (overrides.length === 0) continue;
      out.push({ view: { ...base, flow, classNode: cls, name: cls.name?.text ?? base.name }, base, owner, cls, overrides });
    }
  }
  return out;
});
