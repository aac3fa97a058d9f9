// State kept in a closure instead of passed in: `function makeRnn() { let h = tf.zeros(...);
// function step(x) { ...h...; h = next; return next; } return { step, reset }; }` (also a module
// `let` that a function advances). The function is a step whose state is the captured variable.
import ts from '../typescript';
import { enclosingFunction, functionName, isFunctionLike, isLoop, iteratingCallback, unwrap, type FunctionLike } from './ast';
import { lastFileMemo } from './calls';
import { analyzeStep, reaches, type LocalDef, type StepFlow } from './dataflow';
import type { FileModel } from './model';
import { declarationOf, type Binding } from './scopes';
import { isStateLikeName } from './tfjs-facts';

export interface ClosureStep {
  fn: FunctionLike;
  name: string;
  /** The captured variable the function reads and replaces on every call. */
  state: Binding;
  /** The assignment that replaces it. */
  write: ts.BinaryExpression;
  flow: StepFlow;
}

export const closureSteps: (model: FileModel) => ClosureStep[] = lastFileMemo(findClosureSteps);

/**
 * Functions with a parameter (the input) that assign a value computed from it to a state-named
 * `let`/`var` declared outside them, not inside a loop of theirs (a loop that advances an outer
 * variable is an inline recurrence, checked as such). Steps with a state parameter are not here.
 */
function findClosureSteps(model: FileModel): ClosureStep[] {
  const out: ClosureStep[] = [];
  const seen = new Set<string>();
  const stepFns = new Set<ts.Node>(model.steps.map((s) => s.fn));
  for (const w of model.index.writes) {
    if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = unwrap(w.left);
    if (!ts.isIdentifier(left) || !isStateLikeName(left.text)) continue;
    const fn = owningFunction(w);
    if (!fn || fn.parameters.length === 0 || stepFns.has(fn) || insideLoopOf(w, fn)) continue;
    const b = model.scopes.resolve(left);
    const decl = b && declarationOf(b);
    if (!b || !decl || !ts.isVariableDeclaration(decl) || decl.name !== b || isInsideNode(decl, fn)) continue;
    if ((decl.parent.flags & ts.NodeFlags.Const) !== 0) continue;
    const key = `${fn.pos}:${b.pos}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const flow = analyzeStep(fn, model.tf, undefined, { scopes: model.scopes });
    // The new value is computed from the function's input: a step, not a reset or a setter.
    if (![...flow.otherSinks].some((d) => /^p\d/.test(d))) continue;
    out.push({ fn, name: functionName(fn) ?? 'the step', state: b, write: w, flow });
  }
  return out;
}

/** The dataflow root of a captured variable in its reader's flow. */
export const outerRoot = (state: Binding): string => `outer:${state.text}`;

/** Does the captured state reach anything the function returns or stores? */
export function closureStateReachesOutput(step: ClosureStep): boolean {
  const root = outerRoot(step.state);
  const { flow } = step;
  return flow.returns.some((r) => reaches(r.val.deps, root)) || flow.sinks.has(root);
}

/** Locals computed from the captured state that reach neither a return nor a store (the dropped recurrent term). */
export function droppedClosureUses(step: ClosureStep): LocalDef[] {
  const root = outerRoot(step.state);
  const { flow } = step;
  return flow.locals.filter((l) => l.val.alias === undefined && reaches(l.val.deps, root) &&
    !flow.returns.some((r) => reaches(r.val.deps, l.root)) && !flow.sinks.has(l.root));
}

/** The function a write belongs to, seen through callbacks it passes inline (`tf.tidy(() => { h = ... })`). */
function owningFunction(n: ts.Node): FunctionLike | undefined {
  let fn = enclosingFunction(n);
  while (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && !iteratingCallback(fn.parent)) {
    fn = enclosingFunction(fn);
  }
  return fn;
}

function insideLoopOf(n: ts.Node, fn: FunctionLike): boolean {
  for (let p = n.parent; p && p !== fn; p = p.parent) {
    if (isLoop(p) || (isFunctionLike(p) && iteratingCallback(p.parent))) return true;
  }
  return false;
}

function isInsideNode(n: ts.Node, outer: ts.Node): boolean {
  return n.pos >= outer.pos && n.end <= outer.end;
}
