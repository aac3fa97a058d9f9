import ts from 'typescript';
import { defineRule, nodeText, insertAt, eol, type FixDescriptor } from './rule';
import { invariantAcross, isSequenceLoop, timeLoop } from '../server/src/analysis/loop-queries';
import { indentAt, unwrap } from '../server/src/analysis/ast';
import type { StepCall } from '../server/src/analysis/calls';

/** The name the call's result binds for state `k` (`h` in `const [out, h] = cell.call(...)`). */
function newStateTarget(call: StepCall, k: number): string | undefined {
  const step = call.step;
  const targets = call.targets.filter((t) => t.path && !t.path.startsWith('this.'));
  if (targets.length === 0) return undefined;
  const single = targets.length === 1 && targets[0]!.position === 'all';
  const isCell = step ? step.kind === 'rnn-cell' : true;
  if (single && !isCell && (!step || step.states.length === 1)) return targets[0]!.path;
  const want = isCell ? k + 1 : step && step.states.length > 1 ? k : undefined;
  return targets.find((t) => t.position === want)?.path;
}

export default defineRule({
  id: 'stale-state',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'suggestion',
    docs: { description: 'A loop calls a step with the same state every iteration; the new state is never fed back' },
    messages: {
      stale: '`{{name}}` is passed to `{{step}}` on every iteration but never updated in the loop: each step starts from the same state, and the new state is thrown away.',
      staleFresh: 'A fresh `{{name}}` is passed to `{{step}}` on every iteration: each step starts from the same initial state.',
      feedBack: 'Feed the new state back: `{{name}} = {{target}}`',
      declared: '`{{name}}` is initialised here and never updated',
    },
  },
  check(ctx) {
    for (const call of ctx.model.stepCalls) {
      const it = timeLoop(call);
      // A loop over whole sequences may start each one from the same state: that is a reset.
      if (!it || isSequenceLoop(it)) continue;
      for (const arg of call.stateArgs) {
        const inv = invariantAcross(ctx.model, arg, it);
        if (!inv) continue;
        const stepName = call.step?.name ?? nodeText(ctx, unwrap(call.call.expression));
        const name = nodeText(ctx, arg.expr);
        const data = { name, step: stepName, target: '' };
        const suggest: FixDescriptor[] = [];
        const target = arg.index >= 0 ? newStateTarget(call, arg.index) : undefined;
        const declList = inv.decl && ts.isVariableDeclaration(inv.decl) ? inv.decl.parent : undefined;
        const mutable = declList && ts.isVariableDeclarationList(declList) && (declList.flags & ts.NodeFlags.Const) === 0;
        const statement = enclosingStatement(call.call);
        if (target && mutable && arg.path && statement && inv.decl && !(inv.decl.pos >= it.body.pos && inv.decl.end <= it.body.end)) {
          const indent = indentAt(ctx.text, statement.getStart(ctx.sf));
          suggest.push({
            messageId: 'feedBack', data: { ...data, target },
            edits: [insertAt(statement.end, `${eol(ctx)}${indent}${arg.path} = ${target};`)],
          });
        }
        ctx.report({
          node: arg.expr,
          messageId: inv.decl ? 'stale' : 'staleFresh',
          data: { ...data, target: target ?? '' },
          suggest,
          related: inv.decl ? [{ node: inv.decl, messageId: 'declared', data }] : undefined,
        });
      }
    }
  },
});

function enclosingStatement(n: ts.Node): ts.Statement | undefined {
  for (let p: ts.Node | undefined = n; p; p = p.parent) {
    if (ts.isExpressionStatement(p) || ts.isVariableStatement(p)) return p;
    if (ts.isBlock(p) || ts.isSourceFile(p)) return undefined;
  }
  return undefined;
}
