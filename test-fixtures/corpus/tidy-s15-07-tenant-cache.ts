// expect: tidy-disposed-state
// Multi-tenant fraud scoring endpoint: each tenant's transaction stream is folded into a running GRU state.
import * as tf from '@tensorflow/tfjs';

interface ScoreRequest {
  headers: Record<string, string | undefined>;
  body: { amount: number; merchantRisk: number; hourOfDay: number };
}
interface ScoreResponse {
  statusCode: number;
  body: unknown;
}

const INPUT = 3;
const UNITS = 8;

const W = {
  x: tf.randomNormal([INPUT, 2 * UNITS], 0, 0.4, 'float32', 41) as tf.Tensor2D,
  h: tf.randomNormal([UNITS, 2 * UNITS], 0, 0.4, 'float32', 42) as tf.Tensor2D,
  xc: tf.randomNormal([INPUT, UNITS], 0, 0.4, 'float32', 43) as tf.Tensor2D,
  hc: tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', 44) as tf.Tensor2D,
  out: tf.randomNormal([UNITS, 1], 0, 0.6, 'float32', 45) as tf.Tensor2D,
};

const tenantStates = new Map<string, tf.Tensor2D>();
const lastSeen = new Map<string, number>();
const IDLE_MS = 15 * 60 * 1000;

function gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const [z, r] = tf.split(tf.sigmoid(x.matMul(W.x).add(h.matMul(W.h))), 2, 1) as tf.Tensor2D[];
  const cand = tf.tanh(x.matMul(W.xc).add(r.mul(h).matMul(W.hc)));
  return z.mul(h).add(tf.onesLike(z).sub(z).mul(cand));
}

function evictIdle(now: number): void {
  for (const [tenant, ts] of lastSeen) {
    if (now - ts > IDLE_MS) {
      tenantStates.get(tenant)?.dispose();
      tenantStates.delete(tenant);
      lastSeen.delete(tenant);
    }
  }
}

export function handleScore(req: ScoreRequest, now = Date.now()): ScoreResponse {
  const tenant = req.headers['x-tenant-id'];
  if (!tenant) return { statusCode: 401, body: { error: 'missing tenant' } };
  const { amount, merchantRisk, hourOfDay } = req.body;
  evictIdle(now);

  const risk = tf.tidy(() => {
    const prev = tenantStates.get(tenant) ?? (tf.zeros([1, UNITS]) as tf.Tensor2D);
    const x = tf.tensor2d([[Math.log1p(amount) / 10, merchantRisk, hourOfDay / 23]]);
    const next = gru(x, prev);
    tenantStates.set(tenant, next);
    return tf.sigmoid(next.matMul(W.out));
  });
  lastSeen.set(tenant, now);

  const p = risk.dataSync()[0];
  risk.dispose();
  return { statusCode: 200, body: { tenant, risk: Number(p.toFixed(4)), review: p > 0.7 } };
}

export function activeTenants(): string[] {
  return [...tenantStates.keys()];
}

if (require.main === module) {
  const txs: Array<[string, number, number, number]> = [
    ['acme', 25, 0.1, 10],
    ['globex', 900, 0.7, 3],
    ['acme', 3100, 0.9, 2],
    ['acme', 40, 0.2, 11],
  ];
  for (const [tenant, amount, merchantRisk, hourOfDay] of txs) {
    try {
      const res = handleScore({ headers: { 'x-tenant-id': tenant }, body: { amount, merchantRisk, hourOfDay } });
      console.log(res.statusCode, JSON.stringify(res.body));
    } catch (err) {
      console.error(`request for ${tenant} failed:`, (err as Error).message);
    }
  }
  console.log('tenants:', activeTenants().join(', '));
}
