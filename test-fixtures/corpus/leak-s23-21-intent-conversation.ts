// expect: state-leak
// Call-centre assistant: tracks a conversation turn by turn and predicts the caller's intent using dialogue context.
import * as tf from '@tensorflow/tfjs';

export const INTENTS = ['billing', 'tech_support', 'upgrade', 'cancel', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

interface TurnRecord {
  speaker: 'caller' | 'agent';
  text: string;
  intent?: Intent;
}

export class ConversationTracker {
  private ctx: tf.Tensor2D;
  private turn = 0;
  private history: TurnRecord[] = [];
  private readonly wUtt: tf.Tensor2D;
  private readonly wCtx: tf.Tensor2D;
  private readonly wSpk: tf.Tensor2D;
  private readonly head: tf.Tensor2D;

  constructor(private readonly dim = 64, private readonly units = 32) {
    this.wUtt = tf.randomNormal([dim, units], 0, 0.3, 'float32', 8);
    this.wCtx = tf.randomNormal([units, units], 0, 0.3, 'float32', 9);
    this.wSpk = tf.randomNormal([2, units], 0, 0.3, 'float32', 10);
    this.head = tf.randomNormal([units, INTENTS.length], 0, 0.5, 'float32', 11);
    this.ctx = tf.zeros([1, units]);
  }

  /** Bag-of-hashed-trigrams sentence vector, L2-normalised. */
  private featurize(text: string): tf.Tensor2D {
    const v = new Float32Array(this.dim);
    const s = ` ${text.toLowerCase()} `;
    for (let i = 0; i + 3 <= s.length; i++) {
      let h = 7;
      for (let j = i; j < i + 3; j++) h = (h * 131 + s.charCodeAt(j)) >>> 0;
      v[h % this.dim] += 1;
    }
    const norm = Math.hypot(...v) || 1;
    return tf.tensor2d(v.map((x) => x / norm), [1, this.dim]);
  }

  startConversation(): void {
    this.turn = 0;
    this.history = [];
  }

  addTurn(speaker: 'caller' | 'agent', text: string): Intent | undefined {
    const next = tf.tidy(() => {
      const utt = this.featurize(text);
      const spk = tf.gather(this.wSpk, [speaker === 'caller' ? 0 : 1]);
      return tf.tanh(tf.matMul(utt, this.wUtt).add(tf.matMul(this.ctx, this.wCtx)).add(spk)) as tf.Tensor2D;
    });
    this.ctx.dispose();
    this.ctx = next;
    this.turn++;
    const rec: TurnRecord = { speaker, text };
    if (speaker === 'caller') {
      const idx = tf.tidy(() => tf.matMul(this.ctx, this.head).argMax(1).dataSync()[0]);
      rec.intent = INTENTS[idx];
    }
    this.history.push(rec);
    return rec.intent;
  }

  transcript(): string {
    return this.history.map((r) => `${r.speaker}: ${r.text}${r.intent ? `  [${r.intent}]` : ''}`).join('\n');
  }
}

export function replayCalls(tracker: ConversationTracker, calls: [('caller' | 'agent'), string][][]): string[] {
  return calls.map((call) => {
    tracker.startConversation();
    for (const [spk, text] of call) tracker.addTurn(spk, text);
    return tracker.transcript();
  });
}

if (require.main === module) {
  const tracker = new ConversationTracker();
  const calls: [('caller' | 'agent'), string][][] = [
    [['caller', 'my internet keeps dropping'], ['agent', 'have you restarted the router'], ['caller', 'yes twice']],
    [['caller', 'i was charged twice this month'], ['agent', 'let me check'], ['caller', 'thanks']],
    [['caller', 'i was charged twice this month'], ['agent', 'let me check'], ['caller', 'thanks']],
  ];
  replayCalls(tracker, calls).forEach((t, i) => console.log(`--- call ${i}\n${t}`));
}
