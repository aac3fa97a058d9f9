// expect: none
// Event-sourced conversation state: the encoder state is rebuilt by folding the logged utterance events over a snapshot.
import * as tf from '@tensorflow/tfjs';

export type ConvEvent =
  | { type: 'utterance'; seq: number; embedding: number[] }
  | { type: 'topic-change'; seq: number }
  | { type: 'tag'; seq: number; label: string };

export type ConvState = { h: tf.Tensor2D; turns: number; tags: string[] };

export function makeApply(dim: number, units: number, seed = 171) {
  const W = tf.randomNormal([dim, units], 0, 0.4, 'float32', seed);
  const U = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
  const zeros = (): tf.Tensor2D => tf.zeros([1, units]);

  const apply = (state: ConvState, ev: ConvEvent): ConvState => {
    switch (ev.type) {
      case 'utterance': {
        const h = tf.tidy(() => tf.tanh(tf.tensor2d([ev.embedding]).matMul(W).add(state.h.matMul(U))) as tf.Tensor2D);
        return { ...state, h, turns: state.turns + 1 };
      }
      case 'topic-change':
        return { ...state, h: zeros() };
      case 'tag':
        return { ...state, tags: [...state.tags, ev.label] };
    }
  };
  return { apply, initial: (): ConvState => ({ h: zeros(), turns: 0, tags: [] }) };
}

export class ConversationLog {
  private events: ConvEvent[] = [];
  private readonly kept = new Set<tf.Tensor>();

  constructor(private readonly reducer: ReturnType<typeof makeApply>) {}

  push(ev: ConvEvent): this {
    this.events.push(ev);
    return this;
  }

  rebuild(snapshot?: ConvState): ConvState {
    const start = snapshot ?? this.reducer.initial();
    const ordered = [...this.events].sort((a, b) => a.seq - b.seq);
    const states: ConvState[] = [start];
    const final = ordered.reduce((state, ev) => {
      const next = this.reducer.apply(state, ev);
      states.push(next);
      return next;
    }, start);
    for (const s of states) if (s.h !== final.h && s.h !== snapshot?.h) this.kept.add(s.h);
    this.kept.forEach((t) => t.dispose());
    this.kept.clear();
    return final;
  }
}

export function conversationVector(events: ConvEvent[], dim: number, units = 8): number[] {
  const log = new ConversationLog(makeApply(dim, units));
  events.forEach((e) => log.push(e));
  const state = log.rebuild();
  const v = Array.from(state.h.dataSync());
  state.h.dispose();
  return v;
}
