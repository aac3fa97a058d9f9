// expect: stale-state
// Keras "predict the next value of a sine wave" tutorial, redone as a hand-written RNN with tf.variableGrads.
import * as tf from '@tensorflow/tfjs';

type Params = { W_x: tf.Variable; W_h: tf.Variable; b: tf.Variable; W_out: tf.Variable; b_out: tf.Variable };

const units = 16;
const params: Params = {
  W_x: tf.variable(tf.randomNormal([1, units], 0, 0.3)),
  W_h: tf.variable(tf.randomNormal([units, units], 0, 0.3)),
  b: tf.variable(tf.zeros([units])),
  W_out: tf.variable(tf.randomNormal([units, 1], 0, 0.3)),
  b_out: tf.variable(tf.zeros([1])),
};

// one step of a SimpleRNN: h_t = tanh(x_t W_x + h_{t-1} W_h + b), y_t = h_t W_out + b_out
export function rnnStep(p: Params, x_t: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const hNext = tf.tanh(tf.matMul(x_t, p.W_x).add(tf.matMul(h, p.W_h)).add(p.b)) as tf.Tensor2D;
  const y = tf.matMul(hNext, p.W_out).add(p.b_out) as tf.Tensor2D;
  return [y, hNext];
}

// X: [batch, timesteps, 1], Y: [batch, timesteps, 1] (Y is X shifted by one)
export function sequenceLoss(p: Params, X: tf.Tensor3D, Y: tf.Tensor3D): tf.Scalar {
  const batch_size = X.shape[0];
  const xs = tf.unstack(X, 1) as tf.Tensor2D[];
  const ys = tf.unstack(Y, 1) as tf.Tensor2D[];
  const h0 = tf.zeros([batch_size, units]) as tf.Tensor2D;

  const { loss } = xs.reduce(
    ({ loss, h }, x_t, t) => {
      const [y_hat, hNext] = rnnStep(p, x_t, h0);
      return { loss: loss.add(tf.losses.meanSquaredError(ys[t], y_hat)) as tf.Scalar, h: hNext };
    },
    { loss: tf.scalar(0), h: h0 },
  );
  return loss.div(xs.length) as tf.Scalar;
}

function makeDataset(n_samples: number, timesteps: number): { X: tf.Tensor3D; Y: tf.Tensor3D } {
  const X: number[][][] = [];
  const Y: number[][][] = [];
  for (let i = 0; i < n_samples; i++) {
    const phase = Math.random() * 2 * Math.PI;
    const seq = Array.from({ length: timesteps + 1 }, (_, t) => Math.sin(phase + t * 0.3));
    X.push(seq.slice(0, timesteps).map((v) => [v]));
    Y.push(seq.slice(1).map((v) => [v]));
  }
  return { X: tf.tensor3d(X), Y: tf.tensor3d(Y) };
}

export async function fit(epochs = 30, batch_size = 16): Promise<number> {
  const optimizer: tf.Optimizer = tf.train.adam(0.02);
  const { X, Y } = makeDataset(128, 20);
  const n = X.shape[0];
  let last = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let epoch_loss = 0;
    for (let start = 0; start < n; start += batch_size) {
      const size = Math.min(batch_size, n - start);
      const xb = X.slice([start, 0, 0], [size, -1, -1]);
      const yb = Y.slice([start, 0, 0], [size, -1, -1]);
      const { value, grads } = tf.variableGrads(() => sequenceLoss(params, xb, yb));
      optimizer.applyGradients(grads);
      epoch_loss += (await value.data())[0] * size;
      tf.dispose([xb, yb, value, grads]);
    }
    last = epoch_loss / n;
    if (epoch % 10 === 0) console.log(`Epoch ${epoch + 1}/${epochs} - loss: ${last.toFixed(5)}`);
  }
  return last;
}

fit().then((l) => console.log('final loss', l.toFixed(5)));
