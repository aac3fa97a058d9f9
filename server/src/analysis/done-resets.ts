// An episode that ends inside the loop that steps it: `if (res.done) { obs = env.reset(); ... }`
// starts the next episode, but the recurrent state the loop carries is not reset with it, so the
// new episode starts from the state the last one ended with (one environment, or one row of a
// vectorised batch: `this.hidden[i]`). state-leak reports it.
import ts from '../typescript';
import { accessPath, calleeReceiver, isWithin, unwrap, walk, type FunctionLike } from './ast';
import { lastFileMemo } from './calls';
import type { FileModel } from './model';
import { nodesInside, writtenExpression, type Write } from './tree-index';
import { isStateLikeName, nameTokens } from './tfjs-facts';

export interface DoneReset {
  /** `env.reset()` in the branch taken when the episode is over. */
  reset: ts.CallExpression;
  /** The episode-end test (`res.done`). */
  condition: ts.Expression;
  /** The state carried across the boundary (`this.hidden`, `h`). */
  state: string;
}

/** Names of an episode-end flag: `done`, `isDone`, `terminated`, `gameOver`... */
const DONE_TOKENS = new Set(['done', 'dones', 'terminal', 'terminated', 'finished', 'over', 'ended']);
/** A value that stands for the reset in a masked update (`h.mul(keep)`, `tf.where(done, zeros, h)`). */
const MASK_TOKENS = new Set([...DONE_TOKENS, 'mask', 'masks', 'keep', 'alive', 'live', 'notdone', 'reset', 'resets']);

export const doneResets: (model: FileModel) => DoneReset[] = lastFileMemo(findDoneResets);

function findDoneResets(model: FileModel): DoneReset[] {
  const out: DoneReset[] = [];
  const passedByFn = new Map<FunctionLike, Set<string>>();
  for (const reset of model.callsNamed(['reset'])) {
    if (!calleeReceiver(reset) || reset.arguments.length > 1) continue;
    const branch = doneBranch(reset);
    if (!branch) continue;
    const loop = model.iterationsAround(branch.ifStatement)[0];
    const fn = loop && model.ownerThroughTidy(loop.node);
    if (!loop || !fn || !fn.body) continue;
    let passed = passedByFn.get(fn);
    if (!passed) passedByFn.set(fn, (passed = pathsPassedToSteps(model, fn)));
    for (const state of carriedStates(model, loop.body, passed)) {
      if (writesState(model, branch.ifStatement.thenStatement, state) || maskedSomewhere(model, fn, state)) continue;
      out.push({ reset, condition: branch.ifStatement.expression, state });
      break;
    }
  }
  return out;
}

/** The `if` whose branch runs `reset` when an episode is over, unless the branch leaves the loop. */
function doneBranch(reset: ts.CallExpression): { ifStatement: ts.IfStatement } | undefined {
  let n: ts.Node = reset;
  for (let p = n.parent; p && !ts.isSourceFile(p); n = p, p = p.parent) {
    if (ts.isFunctionLike(p)) return undefined;
    if (ts.isIfStatement(p)) {
      if (p.thenStatement !== n || !mentionsDone(p.expression)) return undefined;
      let leaves = false;
      walk(p.thenStatement, (m) => { if (ts.isBreakStatement(m) || ts.isReturnStatement(m)) leaves = true; });
      return leaves ? undefined : { ifStatement: p };
    }
  }
  return undefined;
}

function mentionsDone(e: ts.Expression): boolean {
  return mentionsToken(e, DONE_TOKENS);
}

/** Is a name in `node` made of one of `tokens` (`res.done`, `keepMask`)? */
function mentionsToken(node: ts.Node, tokens: ReadonlySet<string>): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (ts.isIdentifier(n) && nameTokens(n.text).some((t) => tokens.has(t))) found = true;
  });
  return found;
}

/** The path a write stores into, an element's array for an element write (`this.hidden[i] = ...` -> `this.hidden`). */
function writtenBasePath(w: Write): string | undefined {
  let target = unwrap(writtenExpression(w));
  if (ts.isElementAccessExpression(target)) target = unwrap(target.expression);
  return accessPath(target);
}

/**
 * State-named paths the loop body writes (`h = hNew`, `this.hidden[i] = next[i]`: the path
 * `this.hidden`) that the function hands to a step (`step(x, h)`, `forward(x, tf.concat(this.hidden, 0))`).
 */
function carriedStates(model: FileModel, body: ts.Node, passed: ReadonlySet<string>): string[] {
  const written = new Set<string>();
  for (const w of nodesInside(model.index.writes, body)) {
    if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const path = writtenBasePath(w);
    const tail = path?.split('.').pop();
    if (path && tail && isStateLikeName(tail)) written.add(path);
  }
  return [...written].filter((p) => passed.has(p));
}

/** Every name and member path inside the state arguments of the step calls in `fn`. */
function pathsPassedToSteps(model: FileModel, fn: FunctionLike): Set<string> {
  const passed = new Set<string>();
  for (const c of model.stepCalls) {
    if (!isWithin(c.call, fn)) continue;
    for (const a of c.stateArgs) walk(a.expr, (n) => {
      const p = (ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) ? accessPath(n as ts.Expression) : undefined;
      if (p) passed.add(p);
    });
  }
  return passed;
}

/** Does `node` write the state or one of its elements (`h = tf.zeros(...)`, `this.hidden[i] = ...`)? */
function writesState(model: FileModel, node: ts.Node, state: string): boolean {
  return nodesInside(model.index.writes, node).some((w) => writtenBasePath(w) === state);
}

/** A write of the state in the function that goes through a mask or the done flags (`h.mul(keep)`). */
function maskedSomewhere(model: FileModel, fn: FunctionLike, state: string): boolean {
  return nodesInside(model.index.writes, fn.body!).some((w) => {
    if (!ts.isBinaryExpression(w) || writtenBasePath(w) !== state) return false;
    if (mentionsToken(w.right, MASK_TOKENS)) return true;
    // Through a local made first (`const kept = tf.tidy(() => h.mul(keep)); this.h = kept`).
    const value = unwrap(w.right);
    const b = ts.isIdentifier(value) ? model.scopes.resolve(value) : undefined;
    const init = b?.parent && ts.isVariableDeclaration(b.parent) ? b.parent.initializer : undefined;
    return !!init && mentionsToken(init, MASK_TOKENS);
  });
}
