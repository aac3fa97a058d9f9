// expect: none
// Edge function (TypeScript): scores a posted sequence of login attempts with a small LSTM; weights fetched once per isolate.
import * as tf from '@tensorflow/tfjs';

interface Weights {
  kernel: number[][];
  recurrent: number[][];
  bias: number[];
  head: number[][];
  headBias: number[];
}

interface Attempt {
  ok: boolean;
  secondsSincePrev: number;
  newDevice: boolean;
  geoJumpKm: number;
}

type Params = { kernel: tf.Tensor2D; recurrent: tf.Tensor2D; bias: tf.Tensor1D; head: tf.Tensor2D; headBias: tf.Tensor1D; units: number };

let paramsPromise: Promise<Params> | null = null;

function loadParams(url: string): Promise<Params> {
  paramsPromise ??= fetch(url)
    .then((r) => r.json() as Promise<Weights>)
    .then((w) => ({
      kernel: tf.tensor2d(w.kernel),
      recurrent: tf.tensor2d(w.recurrent),
      bias: tf.tensor1d(w.bias),
      head: tf.tensor2d(w.head),
      headBias: tf.tensor1d(w.headBias),
      units: w.recurrent.length
    }));
  return paramsPromise;
}

function lstmStep(p: Params, x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const z = tf.add(tf.add(tf.matMul(x, p.kernel), tf.matMul(h, p.recurrent)), p.bias);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
  const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
  return [hNext, cNext];
}

function featurize(a: Attempt): number[] {
  return [a.ok ? 1 : 0, Math.log1p(Math.max(a.secondsSincePrev, 0)) / 10, a.newDevice ? 1 : 0, Math.min(a.geoJumpKm / 1000, 5)];
}

function score(p: Params, attempts: Attempt[]): number {
  return tf.tidy(() => {
    let h = tf.zeros([1, p.units]) as tf.Tensor2D;
    let c = tf.zeros([1, p.units]) as tf.Tensor2D;
    for (const a of attempts) {
      const x = tf.tensor2d([featurize(a)]);
      [h, c] = lstmStep(p, x, h, c);
    }
    const logit = tf.add(tf.matMul(h, p.head), p.headBias);
    return tf.sigmoid(logit).dataSync()[0];
  });
}

export default {
  async fetch(req: Request, env: { WEIGHTS_URL: string }): Promise<Response> {
    if (req.method !== 'POST') return new Response('POST only', { status: 405 });
    const body = (await req.json().catch(() => null)) as { account?: string; attempts?: Attempt[] } | null;
    if (!body || !Array.isArray(body.attempts) || body.attempts.length === 0) {
      return new Response(JSON.stringify({ error: 'attempts[] required' }), { status: 400 });
    }
    const p = await loadParams(env.WEIGHTS_URL);
    const risk = score(p, body.attempts.slice(-64));
    return new Response(JSON.stringify({ account: body.account ?? null, risk, challenge: risk > 0.6 }), {
      headers: { 'content-type': 'application/json' }
    });
  }
};
