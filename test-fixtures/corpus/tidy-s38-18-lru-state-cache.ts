// expect: tidy-disposed-state
// Per-user next-action recommender that keeps each user's recurrent state in an LRU cache and flushes it to localStorage on unload.
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 32;
const ACTIONS = 40;

class LruStateCache {
  private readonly map = new Map<string, tf.Tensor2D>();
  constructor(private readonly capacity: number) {}

  get(key: string): tf.Tensor2D | undefined {
    const value = this.map.get(key);
    if (value) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: tf.Tensor2D): void {
    const old = this.map.get(key);
    if (old && old !== value) old.dispose();
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const [evictKey, evicted] = this.map.entries().next().value as [string, tf.Tensor2D];
      this.map.delete(evictKey);
      evicted.dispose();
    }
  }

  entries(): IterableIterator<[string, tf.Tensor2D]> {
    return this.map.entries();
  }
}

interface Weights {
  embed: tf.Tensor2D;
  wx: tf.Tensor2D;
  wh: tf.Tensor2D;
  b: tf.Tensor1D;
  wOut: tf.Tensor2D;
}

const cache = new LruStateCache(500);

function step(w: Weights, actionId: number, h: tf.Tensor2D): tf.Tensor2D {
  const x = tf.gather(w.embed, [actionId]) as tf.Tensor2D;
  return tf.tanh(tf.add(tf.add(tf.matMul(x, w.wx), tf.matMul(h, w.wh)), w.b));
}

export function recommend(w: Weights, userId: string, recentActions: number[], k = 3): number[] {
  return tf.tidy(() => {
    let h = cache.get(userId) ?? (tf.zeros([1, HIDDEN]) as tf.Tensor2D);
    for (const a of recentActions) {
      h = step(w, a, h);
    }
    cache.set(userId, h);
    const logits = tf.matMul(h, w.wOut).reshape([ACTIONS]);
    return Array.from(tf.topk(logits, k).indices.dataSync());
  });
}

export function restoreCache(): void {
  const raw = localStorage.getItem('recommender-states');
  if (!raw) return;
  const saved: Record<string, number[][]> = JSON.parse(raw);
  for (const [userId, h] of Object.entries(saved)) cache.set(userId, tf.tensor2d(h));
}

export function flushCache(): void {
  const out: Record<string, number[][]> = {};
  for (const [userId, h] of cache.entries()) out[userId] = h.arraySync();
  localStorage.setItem('recommender-states', JSON.stringify(out));
}

window.addEventListener('beforeunload', flushCache);
