// expect: unused-hidden-state
// A recurrent cell built by a curried factory (params) => (x, h) => ... scores clickstream sessions for churn, trained end to end with minimize.
import * as tf from '@tensorflow/tfjs';

interface CellParams {
  Wx: tf.Variable;
  Wh: tf.Variable;
  b: tf.Variable;
  Wy: tf.Variable;
}

const EVENT_DIM = 24;
const UNITS = 40;

const initParams = (): CellParams => ({
  Wx: tf.variable(tf.randomNormal([EVENT_DIM, UNITS], 0, 0.05)),
  // identity init for the recurrent matrix (IRNN)
  Wh: tf.variable(tf.eye(UNITS)),
  b: tf.variable(tf.zeros([UNITS])),
  Wy: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.05)),
});

const makeCell = (p: CellParams) => (x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] => {
  const fromInput = tf.matMul(x, p.Wx);
  const fromHidden = tf.matMul(h, p.Wh);
  const pre: tf.Tensor2D = tf.add(fromInput, p.b);
  const hNext = tf.relu(pre);
  const y = tf.matMul(hNext, p.Wy) as tf.Tensor2D;
  return [y, hNext];
};

const params = initParams();
const cell = makeCell(params);
const optimizer = tf.train.adam(5e-4);

// events: [batch, time, EVENT_DIM]
function churnLogits(events: tf.Tensor3D): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([events.shape[0], UNITS]);
  let y: tf.Tensor2D = tf.zeros([events.shape[0], 1]);
  for (const x of tf.unstack(events, 1) as tf.Tensor2D[]) {
    [y, h] = cell(x, h);
  }
  return y;
}

export function trainOn(events: tf.Tensor3D, churned: tf.Tensor2D): number {
  const loss = optimizer.minimize(
    () => tf.losses.sigmoidCrossEntropy(churned, churnLogits(events)) as tf.Scalar,
    true,
  );
  const v = loss!.dataSync()[0];
  loss!.dispose();
  return v;
}

export function churnProbability(events: tf.Tensor3D): Float32Array {
  return tf.tidy(() => tf.sigmoid(churnLogits(events)).dataSync() as Float32Array);
}

export async function fit(
  sessions: Array<{ events: tf.Tensor3D; churned: tf.Tensor2D }>,
  epochs = 10,
): Promise<void> {
  for (let epoch = 0; epoch < epochs; epoch++) {
    const losses = sessions.map((s) => trainOn(s.events, s.churned));
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    console.log(`epoch ${epoch}: ${mean.toFixed(4)}`);
    await tf.nextFrame();
  }
}
