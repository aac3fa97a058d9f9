// state-leak check for an episode that ends inside the loop stepping it (`if (res.done) obs = env.reset()`) while the
// recurrent state the loop carries goes on into the next episode.
import { nodeText, type RuleContext } from '../rule';
import { doneResets } from '../../server/src/analysis/done-resets';

/** Reported at the environment's reset, the point where the state should be reset too. */
export function episodeEndLeaks(ctx: RuleContext): void {
  for (const d of doneResets(ctx.model)) {
    const data = { name: d.state, reset: nodeText(ctx, d.reset), condition: nodeText(ctx, d.condition) };
    ctx.report({ node: d.reset, messageId: 'episodeEndLeak', data });
  }
}
