// expect: returns-input-state, bptt-cut
// Remaining-useful-life regression for pumps: LSTM encoder over sensor windows, trained with tf.variableGrads per batch.
import * as tf from '@tensorflow/tfjs';

const SENSORS = 3;
const WINDOW = 16;
const UNITS = 20;

interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export class LstmEncoder {
  readonly kernel = tf.variable(tf.randomNormal([SENSORS + UNITS, 4 * UNITS], 0, 0.15), true, 'rul_kernel');
  readonly bias = tf.variable(tf.zeros([4 * UNITS]), true, 'rul_bias');

  cell(x: tf.Tensor2D, state: LstmState): LstmState {
    const z = tf.add(tf.matMul(tf.concat([x, state.h], 1), this.kernel), this.bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.add(tf.mul(tf.sigmoid(f), state.c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    const h = tf.mul(tf.sigmoid(o), tf.tanh(c)) as tf.Tensor2D;
    return { h, c: state.c };
  }

  async encode(windows: tf.Tensor3D): Promise<tf.Tensor2D> {
    const n = windows.shape[0];
    let state: LstmState = { h: tf.zeros([n, UNITS]), c: tf.zeros([n, UNITS]) };
    for (let t = 0; t < WINDOW; t++) {
      const xt = windows.slice([0, t, 0], [n, 1, SENSORS]).reshape([n, SENSORS]) as tf.Tensor2D;
      state = this.cell(xt, state);
    }
    const norm = await state.h.norm().data();
    if (!Number.isFinite(norm[0])) throw new Error('encoder diverged');
    return state.h;
  }
}

const headW = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.2), true, 'rul_head_w');
const headB = tf.variable(tf.scalar(0.5), true, 'rul_head_b');

function pumpWindow(): { xs: number[][]; ys: number[] } {
  const life = 20 + Math.random() * 80;
  const age = Math.random() * life;
  const xs: number[][] = [];
  for (let t = 0; t < WINDOW; t++) {
    const wear = (age + t) / life;
    xs.push([wear * wear + 0.05 * Math.random(), Math.sin(t) * wear, 0.5 + 0.1 * Math.random()]);
  }
  return { xs, ys: [(life - age) / 100] };
}

export async function trainRul(epochs: number): Promise<LstmEncoder> {
  const encoder = new LstmEncoder();
  const optimizer = tf.train.adam(0.01);
  const train = tf.data.array(Array.from({ length: 320 }, pumpWindow)).shuffle(320).batch(32);
  const val = Array.from({ length: 80 }, pumpWindow);
  const valX = tf.tensor3d(val.map((v) => v.xs));
  const valY = tf.tensor2d(val.map((v) => v.ys));

  for (let epoch = 0; epoch < epochs; epoch++) {
    const losses: number[] = [];
    const it = await train.iterator();
    for (let next = await it.next(); !next.done; next = await it.next()) {
      const { xs, ys } = next.value as { xs: tf.Tensor3D; ys: tf.Tensor2D };
      const features = await encoder.encode(xs);
      const { value, grads } = tf.variableGrads(() =>
        tf.losses.huberLoss(ys, tf.add(tf.matMul(features, headW), headB)) as tf.Scalar,
      );
      optimizer.applyGradients(grads as Record<string, tf.Variable>);
      losses.push((await value.data())[0]);
      tf.dispose([value, features, xs, ys, ...Object.values(grads)]);
    }
    const valFeatures = await encoder.encode(valX);
    const valMae = tf.tidy(() => tf.metrics.meanAbsoluteError(valY, valFeatures.matMul(headW).add(headB)).mean().dataSync()[0]);
    valFeatures.dispose();
    console.log(`epoch ${epoch + 1}: huber ${(losses.reduce((a, b) => a + b, 0) / losses.length).toFixed(4)} val mae ${(valMae * 100).toFixed(1)} cycles`);
  }
  tf.dispose([valX, valY]);
  return encoder;
}

if (require.main === module) {
  trainRul(6).catch((e) => console.error(e));
}
