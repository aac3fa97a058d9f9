// expect: bptt-cut, tidy-disposed-state
// Stateless next-keystroke-latency service: clients send back their RNN state; also trains the model at startup.
import * as tf from '@tensorflow/tfjs';

type StateLike = number[][] | tf.Tensor2D;

const UNITS = 8;
const wx = tf.variable(tf.randomNormal([1, UNITS], 0, 0.5, 'float32', 1001) as tf.Tensor2D, true, 'wx');
const wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 1002) as tf.Tensor2D, true, 'wh');
const wy = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 1003) as tf.Tensor2D, true, 'wy');

function toTensor(state: StateLike): tf.Tensor2D {
  return tf.tensor2d(Array.isArray(state) ? state : state.arraySync());
}

export function step(latency: number, state: StateLike): { pred: tf.Tensor2D; h: tf.Tensor2D } {
  const h = toTensor(state);
  const x = tf.tensor2d([[latency]]);
  const hNext = tf.tanh(x.matMul(wx).add(h.matMul(wh))) as tf.Tensor2D;
  return { pred: hNext.matMul(wy) as tf.Tensor2D, h: hNext };
}

export function train(sessions: number[][], epochs: number): number {
  const opt = tf.train.adam(0.02);
  let last = 0;
  for (let e = 0; e < epochs; e++) {
    for (const s of sessions) {
      const loss = opt.minimize(() => {
        let h: StateLike = tf.zeros([1, UNITS]) as tf.Tensor2D;
        const errs: tf.Tensor[] = [];
        for (let t = 0; t + 1 < s.length; t++) {
          const out = step(s[t], h);
          errs.push(tf.squaredDifference(out.pred, tf.scalar(s[t + 1])).mean());
          h = out.h;
        }
        return tf.addN(errs).div(errs.length) as tf.Scalar;
      }, true);
      last = loss ? loss.dataSync()[0] : last;
      loss?.dispose();
    }
  }
  return last;
}

const recentStates: tf.Tensor2D[] = [];
const MAX_RECENT = 50;

export function handlePredict(req: { body: { latency: number; state?: number[][] } }): {
  status: number;
  body: { next: number; state: number[][] };
} {
  const incoming = req.body.state ?? [new Array(UNITS).fill(0)];
  const [next, state] = tf.tidy(() => {
    const { pred, h } = step(req.body.latency, incoming);
    recentStates.push(h);
    if (recentStates.length > MAX_RECENT) recentStates.shift();
    return [pred.dataSync()[0], h.arraySync()] as [number, number[][]];
  });
  return { status: 200, body: { next, state } };
}

export function handleDrift(): { status: number; body: { samples: number; meanAbsActivation: number } } {
  if (recentStates.length === 0) return { status: 200, body: { samples: 0, meanAbsActivation: 0 } };
  const mean = tf.tidy(() => tf.stack(recentStates).abs().mean().dataSync()[0]);
  return { status: 200, body: { samples: recentStates.length, meanAbsActivation: mean } };
}

if (require.main === module) {
  const sessions = Array.from({ length: 6 }, (_, k) => Array.from({ length: 10 }, (_, t) => 0.3 + 0.2 * Math.sin(t + k)));
  console.log('final training loss', train(sessions, 5).toFixed(5));
  let state: number[][] | undefined;
  for (const latency of [0.31, 0.44, 0.52]) {
    const res = handlePredict({ body: { latency, state } });
    state = res.body.state;
    console.log('predicted next latency', res.body.next.toFixed(4));
  }
  try {
    console.log('drift', handleDrift().body);
  } catch (err) {
    console.error('drift endpoint failed:', (err as Error).message);
  }
}
