import ts from 'typescript';
import { defineRule, nodeText, replaceNode, insertAt, type FixDescriptor, type RuleContext } from './rule';
import { accessPath, calleeName, calleeReceiver, isFunctionLike, thisFieldName, unwrap, walk } from '../server/src/analysis/ast';
import { declarationOf, initializerOf } from '../server/src/analysis/scopes';
import { NON_TENSOR_TF_CALLS, READBACK_METHODS, TENSOR_METHODS, isStateLikeName } from '../server/src/analysis/tfjs-facts';

const inside = (n: ts.Node, outer: ts.Node): boolean => n.pos >= outer.pos && n.end <= outer.end;

/** Positive evidence that an expression yields a tensor (unknown calls do not count). */
function isTensorExpr(ctx: RuleContext, e: ts.Expression): boolean {
  const u = unwrap(e);
  if (!ts.isCallExpression(u)) return false;
  const fn = ctx.model.tf.fn(u);
  if (fn !== undefined) return !NON_TENSOR_TF_CALLS.has(fn);
  const name = calleeName(u);
  if (!name) return false;
  if (READBACK_METHODS.has(name)) return false;
  if (ctx.model.stepCalls.some((c) => c.call === u)) return true;
  const recv = calleeReceiver(u);
  if (recv && (name === 'apply' || name === 'predict')) return true;
  if (recv && TENSOR_METHODS.has(name)) {
    const r = unwrap(recv);
    return !(ts.isIdentifier(r) && /^(Math|Array|Object|JSON|console)$/.test(r.text)) && !ts.isArrayLiteralExpression(r);
  }
  return false;
}

export default defineRule({
  id: 'tidy-disposed-state',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'suggestion',
    docs: { description: 'State assigned inside tf.tidy without being returned or kept is disposed when tidy returns' },
    messages: {
      disposed: '`{{name}}` is assigned a tensor inside `tf.tidy` but neither returned nor kept: it is disposed when `tidy` returns, and the next step reads a disposed state.',
      returnFromTidy: 'Return the new state from `tidy`: `{{name}} = tf.tidy(...)`',
      keep: 'Keep it with `tf.keep(...)` (dispose the old state yourself)',
    },
  },
  check(ctx) {
    for (const { call, fn } of ctx.model.tidyCalls()) {
      if (!fn.body || !ts.isBlock(fn.body)) continue; // `tidy(() => expr)` returns its value
      const returned = returnedPaths(fn);
      const kept = keptPaths(ctx, fn);
      const outerWrites: { assign: ts.BinaryExpression; path: string }[] = [];
      walk(fn.body, (n) => {
        if (n !== fn && isFunctionLike(n) && n !== fn.body) return false;
        if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const target = unwrap(n.left);
        const path = accessPath(target);
        if (!path) return;
        if (ts.isIdentifier(target)) {
          const b = ctx.model.scopes.resolve(target);
          if (!b || inside(declarationOf(b), fn)) return; // a local of the callback
          const init = initializerOf(b);
          const stateLike = isStateLikeName(b.text) || (init !== undefined && isTensorExpr(ctx, init));
          if (!stateLike && !isTensorExpr(ctx, n.right)) return;
        } else if (thisFieldName(target) === undefined) return;
        if (!isTensorExpr(ctx, n.right)) return;
        if (returned.has(path) || kept.has(path)) return;
        if (ts.isCallExpression(unwrap(n.right)) && ctx.model.tf.fn(unwrap(n.right) as ts.CallExpression) === 'keep') return;
        outerWrites.push({ assign: n, path });
      });
      for (const { assign, path } of outerWrites) {
        const ns = ctx.model.tf.namespaceForFixes ?? 'tf';
        const data = { name: path };
        const suggest: FixDescriptor[] = [];
        const stmt = assign.parent;
        const tidyStmt = call.parent;
        const body = fn.body as ts.Block;
        if (outerWrites.length === 1 && ts.isExpressionStatement(stmt) && body.statements[body.statements.length - 1] === stmt &&
            ts.isExpressionStatement(tidyStmt) && tidyStmt.expression === call) {
          suggest.push({
            messageId: 'returnFromTidy', data,
            edits: [insertAt(call.getStart(ctx.sf), `${path} = `), replaceNode(ctx, stmt, `return ${nodeText(ctx, assign.right)};`)],
          });
        }
        suggest.push({ messageId: 'keep', data, edits: [replaceNode(ctx, assign.right, `${ns}.keep(${nodeText(ctx, assign.right)})`)] });
        ctx.report({ node: assign, messageId: 'disposed', data, suggest });
      }
    }
  },
});

/** Paths returned by the callback (`return h`, `return [h, c]`, `return {h}`). */
function returnedPaths(fn: ts.FunctionLikeDeclaration): Set<string> {
  const out = new Set<string>();
  const add = (e: ts.Expression | undefined): void => {
    if (!e) return;
    const u = unwrap(e);
    const p = accessPath(u);
    if (p) out.add(p);
    else if (ts.isArrayLiteralExpression(u)) u.elements.forEach((el) => add(ts.isSpreadElement(el) ? el.expression : el));
    else if (ts.isObjectLiteralExpression(u)) for (const pr of u.properties) {
      if (ts.isShorthandPropertyAssignment(pr)) out.add(pr.name.text);
      else if (ts.isPropertyAssignment(pr)) add(pr.initializer);
    } else if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.EqualsToken) { add(u.left); add(u.right); }
  };
  walk(fn.body!, (n) => {
    if (isFunctionLike(n) && n !== fn) return false;
    if (ts.isReturnStatement(n)) add(n.expression);
  });
  return out;
}

/** Paths passed to `tf.keep(...)` in the callback. */
function keptPaths(ctx: RuleContext, fn: ts.FunctionLikeDeclaration): Set<string> {
  const out = new Set<string>();
  walk(fn.body!, (n) => {
    if (ts.isCallExpression(n) && ctx.model.tf.fn(n) === 'keep' && n.arguments[0]) {
      const p = accessPath(n.arguments[0]);
      if (p) out.add(p);
    }
  });
  return out;
}
