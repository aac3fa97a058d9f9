// Questions about state across iterations: does an argument change between iterations, is a
// variable reset per sequence, where does an iteration's body start.
import ts from 'typescript';
import { accessPath, calleeName, calleeReceiver, isFunctionLike, unwrap, walk, isAssignmentOperator, enclosingFunction } from './ast';
import type { Iteration, StateArg, StepCall } from './calls';
import type { FileModel } from './model';
import { declarationOf, initializerOf, type Binding } from './scopes';
import { CHUNK_LOOP_TOKENS, FANOUT_LOOP_TOKENS, SEQUENCE_LOOP_TOKENS, TENSOR_CONSTRUCTORS, hasToken } from './tfjs-facts';

export function namesHave(it: Iteration, set: Set<string>): boolean {
  return it.names.some((n) => hasToken(n, set));
}
export const isSequenceLoop = (it: Iteration): boolean => namesHave(it, SEQUENCE_LOOP_TOKENS);
export const isChunkLoop = (it: Iteration): boolean => namesHave(it, CHUNK_LOOP_TOKENS);
export const isFanoutLoop = (it: Iteration): boolean => namesHave(it, FANOUT_LOOP_TOKENS);

/** Is `e` a fresh tensor built from constants (`tf.zeros([1, H])`)? */
export function isTensorConstructor(model: FileModel, e: ts.Expression): boolean {
  const u = unwrap(e);
  if (!ts.isCallExpression(u)) return false;
  const fn = model.tf.fn(u);
  return fn !== undefined && TENSOR_CONSTRUCTORS.has(fn);
}

/** Writes to an access path (`h`, `this.h`) inside `within`, including `path.assign(...)` on variables. */
export function writesToPath(model: FileModel, path: string, at: ts.Node, within: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  if (!path.includes('.')) {
    const id = ts.isIdentifier(at) ? at : undefined;
    const b = id ? model.scopes.resolve(id) : model.scopes.lookup(path, at);
    if (b) out.push(...model.scopes.writes(b, within));
  } else {
    walk(within, (n) => {
      if (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind) && targetsPath(n.left, path)) out.push(n);
    });
  }
  // tf.Variable state updated in place.
  walk(within, (n) => {
    if (ts.isCallExpression(n) && calleeName(n) === 'assign') {
      const r = calleeReceiver(n);
      if (r && accessPath(r) === path) out.push(n);
    }
  });
  return out;
}

function targetsPath(t: ts.Expression, path: string): boolean {
  const u = unwrap(t);
  if (ts.isArrayLiteralExpression(u)) return u.elements.some((e) => targetsPath(ts.isSpreadElement(e) ? e.expression : e, path));
  if (ts.isObjectLiteralExpression(u)) return u.properties.some((p) => ts.isPropertyAssignment(p) && targetsPath(p.initializer, path));
  return accessPath(u) === path;
}

export interface Invariance {
  /** Where the unchanging value comes from (its declaration), for related information. */
  decl?: ts.Node;
  binding?: Binding;
}

/** Does the state argument keep the same value on every iteration of `it`? */
export function invariantAcross(model: FileModel, arg: StateArg, it: Iteration): Invariance | undefined {
  const e = unwrap(arg.expr);
  if (isTensorConstructor(model, e)) return {};
  if (!arg.path) return undefined;
  if (it.accumulator && arg.path === it.accumulator.text) return undefined;
  if (arg.path.startsWith('this.')) {
    if (writesToPath(model, arg.path, e, it.node).length > 0) return undefined;
    // A method call on `this` in the loop may update the field: do not guess.
    let callsThis = false;
    walk(it.body, (n) => {
      if (ts.isCallExpression(n) && !isInsideNode(arg.expr, n)) {
        const r = calleeReceiver(n);
        if (r && unwrap(r).kind === ts.SyntaxKind.ThisKeyword) callsThis = true;
      }
    });
    return callsThis ? undefined : {};
  }
  if (arg.path.includes('.')) return undefined;
  if (!ts.isIdentifier(e)) return undefined;
  const b = model.scopes.resolve(e);
  if (!b) return undefined;
  const decl = declarationOf(b);
  const declaredInside = decl.pos >= it.body.pos && decl.end <= it.body.end;
  if (declaredInside) {
    // Fresh each iteration: only a constant tensor counts as "the same initial state every step".
    const init = initializerOf(b);
    if (!init || !isTensorConstructor(model, init) || model.scopes.writes(b, it.body).length > 0) return undefined;
    return { decl, binding: b };
  }
  if (ts.isParameter(decl) && isFunctionLike(decl.parent) && it.callback === decl.parent) return undefined;
  if (writesToPath(model, arg.path, e, it.node).length > 0) return undefined;
  return { decl, binding: b };
}

function isInsideNode(n: ts.Node, outer: ts.Node): boolean {
  return n.pos >= outer.pos && n.end <= outer.end;
}

/** Position right after `{` of an iteration body block, with the indentation of its statements. */
export function bodyInsertion(text: string, it: Iteration): { pos: number; indent: string } | undefined {
  const body = it.callback ? it.callback.body : it.body;
  if (!body || !ts.isBlock(body)) return undefined;
  const first = body.statements[0];
  const sf = body.getSourceFile();
  if (first) {
    const start = first.getStart(sf);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    return { pos: lineStart, indent: text.slice(lineStart, start) };
  }
  return undefined;
}

/** The function (or file) that contains the loops of a call. */
export function ownerOf(node: ts.Node): ts.Node {
  return enclosingFunction(node) ?? node.getSourceFile();
}

/** Iterations of a step call that run steps (not sequences, not fan-outs). */
export function timeLoop(call: StepCall): Iteration | undefined {
  const it = call.iterations[0];
  if (!it || isFanoutLoop(it)) return undefined;
  return it;
}
