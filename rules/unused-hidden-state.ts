import ts from 'typescript';
import { defineRule, nodeText, replaceNode } from './rule';
import { stateReachesOutput } from '../server/src/analysis/steps';
import { inputProjection, unusedRecurrentWeights, type Weight } from '../server/src/analysis/weights';
import { scriptKindFor } from '../server/src/analysis/parse';

export default defineRule({
  id: 'unused-hidden-state',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'suggestion',
    docs: { description: 'A state input of a step never influences any returned output or new state' },
    messages: {
      unused: 'The state `{{name}}` never reaches the output or new state of `{{step}}`: every step starts from scratch. Add a recurrent term (e.g. `tf.matMul({{name}}, U)`) to the pre-activation.',
      unusedWithWeight: 'The state `{{name}}` never reaches the output or new state of `{{step}}`, and `{{weight}}` is declared but never used: the recurrent term is missing.',
      notRead: '`{{step}}` never reads its state input `{{name}}`: the cell ignores its hidden state. Read it (e.g. `const [x, h] = inputs`) and add a recurrent term to the pre-activation.',
      addRecurrentTerm: 'Add the recurrent term `{{term}}`',
      weightDeclared: '`{{weight}}` is declared here',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const step of model.steps) {
      for (const s of step.states) {
        if (stateReachesOutput(step, s)) continue;
        const weights = unusedRecurrentWeights(model, step);
        const weight: Weight | undefined = weights[0];
        const isRead = !!s.binding;
        const where = s.binding ?? (step.fn.name ?? step.fn);
        const data: Record<string, string> = { name: s.name, step: step.name, weight: weight?.path ?? '' };
        let suggest;
        const proj = isRead && weight ? inputProjection(model, step) : undefined;
        if (proj && weight) {
          const isTs = scriptKindFor(ctx.sf.fileName) === ts.ScriptKind.TS || scriptKindFor(ctx.sf.fileName) === ts.ScriptKind.TSX;
          const ns = model.tf.namespaceForFixes;
          let term: string;
          if (weight.kind === 'layer' || proj.form === 'apply') {
            term = `${weight.path}.apply(${s.name})${isTs ? ` as ${ns ?? 'tf'}.Tensor` : ''}`;
          } else {
            const wText = proj.weightExpr ? nodeText(ctx, proj.weightExpr) : '';
            const readForm = /\.read\(\)$/.test(wText) || weight.kind === 'layer-variable';
            term = `${ns ?? 'tf'}.matMul(${s.name}, ${weight.path}${readForm ? '.read()' : ''})`;
          }
          const projText = nodeText(ctx, proj.node);
          const replacement = ns ? `${ns}.add(${projText}, ${term})` : `${projText}.add(${term})`;
          suggest = [{ messageId: 'addRecurrentTerm', data: { ...data, term }, edits: [replaceNode(ctx, proj.node, replacement)] }];
        }
        ctx.report({
          node: where,
          messageId: !isRead && step.kind === 'rnn-cell' ? 'notRead' : weight ? 'unusedWithWeight' : 'unused',
          data,
          suggest,
          related: weight ? [{ node: weight.node, messageId: 'weightDeclared', data }] : undefined,
        });
      }
    }
  },
});
