// expect: bptt-cut
// TypeScript trainer for a melody model: predicts the next MIDI pitch class from the notes so far.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

export interface MelodyOptions {
  units: number;
  pitches: number;
  learningRate: number;
  clipNorm: number;
}

const defaults: MelodyOptions = { units: 48, pitches: 12, learningRate: 0.01, clipNorm: 5 };

const detach = tf.customGrad((x: tf.Tensor) => ({
  value: x.clone(),
  gradFunc: (dy: tf.Tensor) => [tf.zerosLike(dy)]
}));

export class MelodyRNN {
  readonly opts: MelodyOptions;
  private readonly wx: tf.Variable;
  private readonly wh: tf.Variable;
  private readonly b: tf.Variable;
  private readonly wy: tf.Variable;
  private readonly by: tf.Variable;
  private readonly optimizer: tf.Optimizer;

  constructor(options: Partial<MelodyOptions> = {}) {
    this.opts = Object.assign({}, defaults, options);
    const { units, pitches } = this.opts;
    this.wx = tf.variable(tf.randomNormal([pitches, units], 0, 0.1));
    this.wh = tf.variable(tf.eye(units).mul(0.9));
    this.b = tf.variable(tf.zeros([units]));
    this.wy = tf.variable(tf.randomNormal([units, pitches], 0, 0.1));
    this.by = tf.variable(tf.zeros([pitches]));
    this.optimizer = tf.train.sgd(this.opts.learningRate);
  }

  private step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(h, this.wh)).add(this.b)) as tf.Tensor2D;
  }

  private sequenceLoss(melody: number[]): tf.Scalar {
    const { units, pitches } = this.opts;
    const inputs = tf.oneHot(melody.slice(0, -1), pitches).toFloat();
    const targets = tf.oneHot(melody.slice(1), pitches).toFloat();
    const xs = tf.split(inputs, melody.length - 1, 0) as tf.Tensor2D[];
    let h = tf.zeros([1, units]) as tf.Tensor2D;
    const logits: tf.Tensor2D[] = [];
    for (const x of xs) {
      const hNext = this.step(x, h);
      logits.push(tf.matMul(hNext, this.wy).add(this.by) as tf.Tensor2D);
      h = detach(hNext) as tf.Tensor2D;
    }
    return tf.losses.softmaxCrossEntropy(targets, tf.concat(logits, 0)) as tf.Scalar;
  }

  trainMelody(melody: number[]): number {
    if (melody.length < 2) return 0;
    return tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => this.sequenceLoss(melody));
      const clipped: tf.NamedTensorMap = {};
      for (const [name, g] of Object.entries(grads)) {
        clipped[name] = tf.clipByValue(g, -this.opts.clipNorm, this.opts.clipNorm);
      }
      this.optimizer.applyGradients(clipped);
      return value.dataSync()[0];
    });
  }

  fit(melodies: number[][], epochs = 10, onEpoch?: (epoch: number, loss: number) => void): void {
    for (let e = 0; e < epochs; e++) {
      let total = 0;
      for (const m of melodies) total += this.trainMelody(m);
      onEpoch?.(e, total / Math.max(melodies.length, 1));
    }
  }
}

export default MelodyRNN;
