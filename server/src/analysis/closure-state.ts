// State kept in a closure instead of passed in: `function makeRnn() { let h = tf.zeros(...);
// function step(x) { ...h...; h = next; return next; } return { step, reset }; }` (also a module
// `let` that a function advances). The function is a step whose state is the captured variable.
import ts from '../typescript';
import { functionName, isFunctionLike, isLoop, isWithin, iteratingCallback, unwrap, type FunctionLike } from './ast';
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
    if (!ts.isIdentifier(left)) continue;
    // Most state writes advance a loop (`h = step(x, h)`): one walk up finds the loop and skips them.
    const fn = loopFreeOwner(w);
    if (!fn || fn.parameters.length === 0 || stepFns.has(fn) || !isStateLikeName(left.text)) continue;
    const b = model.scopes.resolve(left);
    const decl = b && declarationOf(b);
    if (!b || !decl || !ts.isVariableDeclaration(decl) || decl.name !== b || isWithin(decl, fn)) continue;
    if ((decl.parent.flags & ts.NodeFlags.Const) !== 0) continue;
    const key = `${fn.pos}:${b.pos}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const flow = analyzeStep(fn, model.tf, undefined, { scopes: model.scopes });
    // The new value is computed from the function's input: a step, not a reset or a setter.
    if (![...writtenDeps(flow, w)].some((d) => /^p\d/.test(d))) continue;
    out.push({ fn, name: functionName(fn) ?? 'the step', state: b, write: w, flow });
  }
  return out;
}

/**
 * What the write stores depends on: the local it assigns (`h = next`: `next`'s dependencies, its
 * last definition), else everything that left the function other than through returns (outer
 * writes are not told apart in the flow, so this over-approximates).
 */
function writtenDeps(flow: StepFlow, w: ts.BinaryExpression): ReadonlySet<string> {
  const right = unwrap(w.right);
  if (ts.isIdentifier(right)) {
    const def = flow.locals.filter((l) => l.name === right.text && l.node.pos < w.pos).pop();
    if (def) return def.val.deps;
  }
  return flow.otherSinks;
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

/**
 * The function a write belongs to, seen through callbacks it passes inline (`tf.tidy(() => { h = ... })`),
 * or undefined when the write sits in a loop of that function (or an iterating callback).
 */
function loopFreeOwner(n: ts.Node): FunctionLike | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (isLoop(p)) return undefined;
    if (!isFunctionLike(p)) continue;
    const call = p.parent;
    const inline = (ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && ts.isCallExpression(call);
    if (!inline) return p;
    if (iteratingCallback(call)) return undefined;
  }
  return undefined;
}
