// expect: none
// Per-tenant LSTM state cache behind a metrics ingest endpoint; each tenant's stream keeps its own running state.
import * as tf from '@tensorflow/tfjs';

type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

const INPUT = 4;
const UNITS = 6;
const MAX_TENANTS = 2;

const kernel = tf.randomNormal([INPUT + UNITS, 4 * UNITS], 0, 0.35, 'float32', 111) as tf.Tensor2D;
const bias = tf.zeros([4 * UNITS]) as tf.Tensor1D;
const head = tf.randomNormal([UNITS, 1], 0, 0.6, 'float32', 112) as tf.Tensor2D;

function lstmStep(x: tf.Tensor2D, { h, c }: LstmState): LstmState {
  const z = tf.concat([x, h], 1).matMul(kernel).add(bias);
  const [i, f, g, o] = tf.split(z, 4, 1) as tf.Tensor2D[];
  const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
  return { h: hNext, c: cNext };
}

class TenantStates {
  private readonly states = new Map<string, LstmState>();

  get(tenant: string): LstmState | undefined {
    const s = this.states.get(tenant);
    if (s) {
      // refresh LRU position
      this.states.delete(tenant);
      this.states.set(tenant, s);
    }
    return s;
  }

  set(tenant: string, next: LstmState): void {
    const old = this.states.get(tenant);
    this.states.delete(tenant);
    this.states.set(tenant, next);
    if (old) tf.dispose([old.h, old.c]);
    while (this.states.size > MAX_TENANTS) {
      const [oldest] = this.states.keys();
      this.reset(oldest);
    }
  }

  reset(tenant: string): void {
    const s = this.states.get(tenant);
    if (s) tf.dispose([s.h, s.c]);
    this.states.delete(tenant);
  }

  get size(): number {
    return this.states.size;
  }
}

const cache = new TenantStates();

export function ingest(req: { tenant: string; metrics: number[]; sessionStart?: boolean }): { tenant: string; health: number } {
  if (req.metrics.length !== INPUT) throw new Error(`expected ${INPUT} metrics`);
  if (req.sessionStart) cache.reset(req.tenant);
  const prev = cache.get(req.tenant);

  const health = tf.tidy(() => {
    const state = prev ?? { h: tf.zeros([1, UNITS]) as tf.Tensor2D, c: tf.zeros([1, UNITS]) as tf.Tensor2D };
    const next = lstmStep(tf.tensor2d([req.metrics]), state);
    cache.set(req.tenant, { h: tf.keep(next.h), c: tf.keep(next.c) });
    return tf.sigmoid(next.h.matMul(head)).dataSync()[0];
  });
  return { tenant: req.tenant, health: Number(health.toFixed(4)) };
}

if (require.main === module) {
  const reqs = [
    { tenant: 'alpha', metrics: [0.2, 0.1, 0.0, 0.5], sessionStart: true },
    { tenant: 'beta', metrics: [0.9, 0.8, 0.7, 0.1], sessionStart: true },
    { tenant: 'alpha', metrics: [0.3, 0.1, 0.1, 0.4] },
    { tenant: 'gamma', metrics: [0.5, 0.5, 0.5, 0.5], sessionStart: true },
    { tenant: 'alpha', metrics: [0.3, 0.2, 0.1, 0.4] },
    { tenant: 'alpha', metrics: [0.2, 0.1, 0.0, 0.5], sessionStart: true },
  ];
  for (const r of reqs) console.log(JSON.stringify(ingest(r)));
  console.log(`tenants cached: ${cache.size}, tensors alive: ${tf.memory().numTensors}`);
}
