// The same LSTM method and async encoder used correctly: run inside the closure for training,
// outside it only for inference and validation after training.
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 8;
type Hidden = [tf.Tensor2D, tf.Tensor2D];

class Forecaster {
  readonly W = tf.variable(tf.randomNormal([1, 4 * HIDDEN], 0, 0.1));
  readonly U = tf.variable(tf.randomNormal([HIDDEN, 4 * HIDDEN], 0, 0.1));
  readonly fcW = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1));

  initHidden(n: number): Hidden {
    return [tf.zeros([n, HIDDEN]), tf.zeros([n, HIDDEN])];
  }

  forward(x: tf.Tensor3D, hidden: Hidden): [tf.Tensor2D, Hidden] {
    let [h, c] = hidden;
    for (const xt of tf.unstack(x, 1) as tf.Tensor2D[]) {
      const gates = tf.matMul(xt, this.W).add(tf.matMul(h, this.U));
      const [i, f, g, o] = tf.split(gates, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
    }
    return [h, [h, c]];
  }

  fc(features: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(features, this.fcW) as tf.Tensor2D;
  }
}

const model = new Forecaster();
const optimizer = tf.train.adam(0.003);

export function trainBatch(xb: tf.Tensor3D, yb: tf.Tensor2D): void {
  optimizer.minimize(() => {
    const [output] = model.forward(xb, model.initHidden(xb.shape[0]));
    return tf.losses.meanSquaredError(yb, model.fc(output)) as tf.Scalar;
  });
}

export function forecast(window: tf.Tensor3D): number {
  return tf.tidy(() => {
    const [features] = model.forward(window, model.initHidden(1));
    return model.fc(features).dataSync()[0]!;
  });
}

interface State { h: tf.Tensor2D; c: tf.Tensor2D }

class Encoder {
  readonly W = tf.variable(tf.randomNormal([3, 2 * HIDDEN], 0, 0.1));
  readonly U = tf.variable(tf.randomNormal([HIDDEN, 2 * HIDDEN], 0, 0.1));

  cell(x: tf.Tensor2D, s: State): State {
    const [i, g] = tf.split(tf.matMul(x, this.W).add(tf.matMul(s.h, this.U)), 2, 1) as [tf.Tensor2D, tf.Tensor2D];
    const c = s.c.add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    return { h: tf.tanh(c) as tf.Tensor2D, c };
  }

  async encode(windows: tf.Tensor3D): Promise<tf.Tensor2D> {
    let state: State = { h: tf.zeros([windows.shape[0], HIDDEN]), c: tf.zeros([windows.shape[0], HIDDEN]) };
    for (const xt of tf.unstack(windows, 1) as tf.Tensor2D[]) state = this.cell(xt, state);
    await tf.nextFrame();
    return state.h;
  }
}

const headW = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1));

// Validation after training: no gradient is taken.
export async function validate(encoder: Encoder, xs: tf.Tensor3D, ys: tf.Tensor2D): Promise<number> {
  const features = await encoder.encode(xs);
  const mae = tf.metrics.meanAbsoluteError(ys, tf.matMul(features, headW)).mean().dataSync()[0]!;
  features.dispose();
  return mae;
}
