// Online fine-tuning of a small RNN on each closed window of bars; the step keeps a JS copy of
// the state for a dashboard and hands on the tensor itself.
import * as tf from '@tensorflow/tfjs';

const H = 10;

export class BarRnn {
  readonly wx = tf.variable(tf.randomNormal([4, H], 0, 0.3));
  readonly wh = tf.variable(tf.randomNormal([H, H], 0, 0.3));
  readonly wOut = tf.variable(tf.randomNormal([H, 1], 0, 0.3));
  private readonly opt = tf.train.adam(0.01);
  lastState: Float32Array = new Float32Array(H);

  step(x: tf.Tensor2D, h: tf.Tensor2D): { y: tf.Tensor2D; h: tf.Tensor2D } {
    const hNext = tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(h, this.wh))) as tf.Tensor2D;
    let snapshot: Float32Array = new Float32Array(H);
    snapshot = hNext.dataSync() as Float32Array;
    this.lastState = snapshot;
    return { y: tf.matMul(hNext, this.wOut) as tf.Tensor2D, h: hNext };
  }

  dashboardState(): tf.Tensor2D {
    return tf.tensor2d(this.lastState, [1, H]);
  }

  fitWindow(xs: tf.Tensor2D[], target: tf.Scalar): void {
    this.opt.minimize(() => {
      let h = tf.zeros([1, H]) as tf.Tensor2D;
      let y = tf.zeros([1, 1]) as tf.Tensor2D;
      for (const x of xs) {
        const out = this.step(x, h);
        h = out.h;
        y = out.y;
      }
      return tf.losses.meanSquaredError(target, y.squeeze()) as tf.Scalar;
    });
  }
}
