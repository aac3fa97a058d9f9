// Online fine-tuning of a small RNN on each closed window of bars.
import * as tf from '@tensorflow/tfjs';

const H = 10;

export class BarRnn {
  readonly wx = tf.variable(tf.randomNormal([4, H], 0, 0.3));
  readonly wh = tf.variable(tf.randomNormal([H, H], 0, 0.3));
  readonly wOut = tf.variable(tf.randomNormal([H, 1], 0, 0.3));
  private readonly opt = tf.train.adam(0.01);

  step(x: tf.Tensor2D, h: tf.Tensor2D): { y: tf.Tensor2D; h: tf.Tensor2D } {
    let hData: Float32Array = new Float32Array(H);
    const y = tf.tidy(() => {
      const hNext = tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(h, this.wh)));
      hData = hNext.dataSync() as Float32Array;
      return tf.matMul(hNext, this.wOut) as tf.Tensor2D;
    });
    return { y, h: tf.tensor2d(hData, [1, H]) };
    //             ~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
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
