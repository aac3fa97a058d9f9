// expect: none
// GRU4Rec-style session recommender behind an event handler: hidden states live in a Map keyed by user, a click continues that user's current session state, and a new session id (or an idle timeout) replaces the state with zeros before stepping.
import * as tf from '@tensorflow/tfjs';

export interface ClickEvent { userId: string; sessionId: string; itemId: number; ts: number }

interface SessionSlot { sessionId: string; h: tf.Tensor2D; lastTs: number }

export interface RecommenderOptions {
  itemEmb: tf.Tensor2D;      // [items, d]
  W: tf.Tensor2D;            // [d + units, 3 * units]
  b: tf.Tensor1D;
  idleMs?: number;
  topN?: number;
  onEvict?: (userId: string) => void;
}

export class SessionRecommender {
  private readonly slots = new Map<string, SessionSlot>();
  private readonly units: number;

  constructor(private readonly o: RecommenderOptions) {
    this.units = o.b.shape[0] / 3;
  }

  private gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const u = this.units;
    const d = this.o.itemEmb.shape[1];
    const xh = tf.concat([x, h], 1);
    const Wzr = this.o.W.slice([0, 0], [d + u, 2 * u]);
    const [z, r] = tf.split(tf.sigmoid(tf.matMul(xh, Wzr).add(this.o.b.slice(0, 2 * u))), 2, 1);
    const Wn = this.o.W.slice([0, 2 * u], [d + u, u]);
    const n = tf.tanh(tf.matMul(tf.concat([x, r.mul(h)], 1), Wn).add(this.o.b.slice(2 * u)));
    return tf.sub(1, z).mul(h).add(z.mul(n)) as tf.Tensor2D;
  }

  private slotFor(ev: ClickEvent): SessionSlot {
    const existing = this.slots.get(ev.userId);
    const idle = existing ? ev.ts - existing.lastTs > (this.o.idleMs ?? 30 * 60 * 1000) : false;
    if (existing && existing.sessionId === ev.sessionId && !idle) return existing;
    existing?.h.dispose();
    const fresh: SessionSlot = { sessionId: ev.sessionId, h: tf.zeros([1, this.units]), lastTs: ev.ts };
    this.slots.set(ev.userId, fresh);
    return fresh;
  }

  onClick(ev: ClickEvent): number[] {
    const slot = this.slotFor(ev);
    const hNext = tf.tidy(() => this.gru(tf.gather(this.o.itemEmb, [ev.itemId]) as tf.Tensor2D, slot.h));
    slot.h.dispose();
    slot.h = hNext;
    slot.lastTs = ev.ts;
    return tf.tidy(() => {
      const scores = tf.matMul(hNext, this.o.itemEmb, false, true).squeeze() as tf.Tensor1D;
      return Array.from(tf.topk(scores, this.o.topN ?? 10).indices.dataSync());
    });
  }

  evictIdle(now: number): void {
    for (const [userId, slot] of this.slots) {
      if (now - slot.lastTs > (this.o.idleMs ?? 30 * 60 * 1000)) {
        slot.h.dispose();
        this.slots.delete(userId);
        this.o.onEvict?.(userId);
      }
    }
  }
}

export function handleStream(rec: SessionRecommender, events: ClickEvent[], emit: (u: string, items: number[]) => void): void {
  for (const ev of events) {
    emit(ev.userId, rec.onClick(ev));
  }
  if (events.length > 0) rec.evictIdle(events[events.length - 1].ts);
}
