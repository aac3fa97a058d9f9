// state-leak check for one recurrent state shared by independent units (users, tabs, connections): a function that
// serves one unit at a time and keeps that unit's own bookkeeping, yet advances the same outside state for all.
import type { RuleContext } from '../rule';
import { sharedUnitStates } from '../../server/src/analysis/shared-unit-state';
import { functionName } from '../../server/src/analysis/ast';
import { nameTokens } from '../../server/src/analysis/tfjs-facts';

/** Reported where the shared state is advanced, with the unit's own bookkeeping as related information. */
export function sharedUnitStateLeaks(ctx: RuleContext): void {
  for (const s of sharedUnitStates(ctx.model)) {
    const unit = unitNoun(s.param.text);
    const data = { name: s.state, fn: functionName(s.fn) ?? 'this function', param: s.param.text, unit };
    ctx.report({ node: s.at, messageId: 'sharedUnitState', data, related: [{ node: s.perUnit, messageId: 'perUnitHere', data }] });
  }
}

/** `tabId` -> "tab", `userId` -> "user", `socket` -> "socket". */
function unitNoun(param: string): string {
  const tokens = nameTokens(param).filter((t) => t !== 'id' && t !== 'key');
  return tokens[0] ?? param;
}
