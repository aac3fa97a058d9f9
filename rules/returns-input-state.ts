import ts from 'typescript';
import { defineRule, nodeText, replaceNode, type FixDescriptor } from './rule';
import { reaches } from '../server/src/analysis/dataflow';
import { newStatePositions, computedCandidates, inScopeAt } from '../server/src/analysis/state-queries';

export default defineRule({
  id: 'returns-input-state',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    fix: 'safe',
    docs: { description: 'A step returns the state it received, unchanged, as its new state while it computed a new one' },
    messages: {
      returnsInput: '`{{name}}` is returned as the new state unchanged, but `{{step}}` computed {{candidates}}: the state never advances.',
      returnCandidate: 'Return `{{candidate}}` as the new state',
    },
  },
  check(ctx) {
    for (const step of ctx.model.steps) {
      for (const s of step.states) {
        for (const pos of newStatePositions(step, s)) {
          if (pos.val.alias !== s.root) continue;
          const candidates = computedCandidates(step, s);
          if (candidates.length === 0) continue;
          const list = candidates.map((c) => `\`${c.name}\``).join(' or ');
          const edits = candidates.map((c): FixDescriptor & { visible: boolean } => ({
            messageId: 'returnCandidate', data: { candidate: c.name },
            edits: [replaceNode(ctx, pos.node, c.name)],
            visible: inScopeAt(c, pos.node),
          })).filter((f) => f.visible);
          const only = candidates.length === 1 && edits.length === 1 ? edits[0] : undefined;
          ctx.report({
            node: pos.node,
            messageId: 'returnsInput',
            data: { name: nodeText(ctx, pos.node), step: step.name, candidates: list },
            fix: only ? { messageId: only.messageId, data: only.data, edits: only.edits } : undefined,
            suggest: only ? undefined : edits.map(({ messageId, data, edits: e }) => ({ messageId, data, edits: e })),
            related: candidates.map((c) => ({ node: ts.isIdentifier(c.node) ? c.node : c.node, messageId: 'returnCandidate', data: { candidate: c.name } })),
          });
        }
      }
    }
    void reaches;
  },
});
