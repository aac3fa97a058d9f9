// Helpers several parts of bptt-cut use: the closure's label in messages, the states carried
// across loop iterations, the arguments a step call carries, and the part of a result at a position.

import ts from '../../server/src/typescript';
import { nodeText, type RuleContext } from '../rule';
import { calleeName, calleeReceiver, unwrap, isWithin, numericLiteralValue } from '../../server/src/analysis/ast';
import { nodesInside } from '../../server/src/analysis/tree-index';
import type { StepCall } from '../../server/src/analysis/calls';
import { inlineRecurrences } from '../../server/src/analysis/loop-queries';
import type { ClosureCall, FileModel } from '../../server/src/analysis/model';

export function closureLabel(ctx: RuleContext, g: ClosureCall): string {
  const callee = unwrap(g.call.expression);
  return nodeText(ctx, callee);
}

/** Where a gradient call takes its list of variables to train. */
const VAR_LIST_INDEX = new Map([['variableGrads', 1], ['minimize', 2], ['computeGradients', 1]]);

/** The list of variables the closure's gradient call trains, when it is given (`tf.variableGrads(f, varList)`). */
export function closureVarList(g: ClosureCall): ts.Expression | undefined {
  const index = VAR_LIST_INDEX.get(calleeName(g.call) ?? '');
  return index !== undefined ? g.call.arguments[index] : undefined;
}

/** A state carried across the iterations of a loop: by a step call, or inline (`h = tf.tanh(... h ...)`). */
export interface Carried { binding: ts.Identifier; loop: ts.Node }

export function carriedStates(ctx: RuleContext): Carried[] {
  const { model } = ctx;
  const out: Carried[] = [];
  for (const call of model.stepCalls) {
    const loop = call.iterations[0];
    if (!loop) continue;
    for (const arg of call.stateArgs) {
      if (!arg.path || !ts.isIdentifier(arg.expr)) continue;
      const b = model.scopes.resolve(arg.expr);
      if (b && model.scopes.writes(b, loop.node).length > 0) out.push({ binding: b, loop: loop.node });
    }
  }
  // Inline recurrences: `h = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)))` in a loop.
  for (const r of inlineRecurrences(model)) out.push({ binding: r.binding, loop: r.loop.node });
  return out;
}

/** Does the closure unroll its own loop (truncated BPTT from a carried state)? */
export function closureUnrolls(carried: Carried[], g: ClosureCall): boolean {
  return carried.some((c) => isWithin(c.loop, g.fn));
}

/**
 * The names a step call in `loop` carries from step to step: its state arguments the loop writes,
 * and, for a callee whose states are not known (`cell.step(x, s)` on a parameter typed by an
 * interface), the arguments the loop writes from the call's result (`const [y, next] = ...; s = next`).
 */
export function loopCarriedArgs(ctx: RuleContext, call: StepCall, loop: ts.Node): ts.Identifier[] {
  const { model } = ctx;
  const out: ts.Identifier[] = [];
  const written = (b: ts.Identifier) => model.scopes.writes(b, loop);
  for (const a of call.stateArgs) {
    if (!a.path || !ts.isIdentifier(a.expr)) continue;
    const b = model.scopes.resolve(a.expr) ?? a.expr;
    if (written(b).length > 0) out.push(b);
  }
  if (out.length > 0 || call.step) return out;
  const results = new Set(call.targets.map((t) => t.path).filter((p): p is string => !!p));
  for (const arg of call.call.arguments.slice(1)) {
    const u = unwrap(arg);
    const b = ts.isIdentifier(u) ? model.scopes.resolve(u) : undefined;
    if (!b || isWithin(b, loop)) continue;
    const fedBack = written(b).some((w) => {
      if (!ts.isBinaryExpression(w) || w.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
      const right = unwrap(w.right);
      return right === call.call || (ts.isIdentifier(right) && results.has(right.text));
    });
    if (fedBack || results.has(b.text)) out.push(b);
  }
  return out;
}

/** The part of a returned expression at a result position: the element `[y, h]`[1], the member `{ state: s }`.state. */
export function partAt(e: ts.Expression, position: number | string): ts.Expression | undefined {
  const u = unwrap(e);
  if (position === 'all') return u;
  if (typeof position === 'number') return ts.isArrayLiteralExpression(u) && !u.elements.some(ts.isSpreadElement) ? u.elements[position] : undefined;
  if (!ts.isObjectLiteralExpression(u)) return undefined;
  for (const p of u.properties) {
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === position) return p.name;
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === position) return p.initializer;
  }
  return undefined;
}

/** Does `root` multiply the variable `state` by a matrix (`h.matMul(Wh)`, `tf.matMul(h, Wh)`, `tf.dot(h, U)`)? */
export function multipliesByWeight(ctx: RuleContext, root: ts.Node, state: ts.Identifier): boolean {
  return nodesInside(ctx.model.callsNamed(['matMul', 'dot']), root).some((m) => {
    const operands = [...m.arguments, ...(ctx.model.tf.fn(m) ? [] : [calleeReceiver(m)])];
    return operands.some((o) => o !== undefined && ts.isIdentifier(unwrap(o)) && ctx.model.scopes.refersTo(unwrap(o) as ts.Identifier, state));
  });
}

/**
 * Is the cut taken only on some iterations (`if (t % K === 0) h = detach(h)`, `t % K ? h :
 * detach(h)`, `done && ...`, also a read-back `if (t % K === 0) h = tf.tensor(h.arraySync())`)? A
 * condition between the loop body and the call says the cut is meant: truncated BPTT every K
 * steps, which is left alone.
 */
export function underCondition(call: ts.Node, loopBody: ts.Node): boolean {
  for (let n: ts.Node = call; n !== loopBody && n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isIfStatement(p) && p.expression !== n) return true;
    if (ts.isConditionalExpression(p) && p.condition !== n) return true;
    if (ts.isBinaryExpression(p) && p.right === n && /^(&&|\|\||\?\?)$/.test(p.operatorToken.getText())) return true;
    if (ts.isCaseClause(p) || ts.isDefaultClause(p)) return true;
  }
  return false;
}

/**
 * Does the update feed the step a piece of the sequence (`h = runChunk(xs.slice(t, t + K), detach(h))`)
 * or advance its counter by more than one step (`t += K`)? Each iteration then unrolls a chunk, and
 * a detach per iteration is truncated BPTT on purpose.
 */
export function unrollsAChunk(model: FileModel, loop: ts.Node, roots: readonly ts.Node[]): boolean {
  if (ts.isForStatement(loop) && loop.incrementor) {
    const inc = unwrap(loop.incrementor);
    const byOne = ts.isBinaryExpression(inc) && inc.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && numericLiteralValue(inc.right) === 1;
    if (ts.isBinaryExpression(inc) && !byOne) return true;
  }
  return roots.some((r) => nodesInside(model.callsNamed(['slice']), r).length > 0);
}
