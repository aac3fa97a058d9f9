// expect: stale-state
// Base class unrolls a stack of recurrent layers and a GRU subclass supplies the per-layer step; the per-timestep `next` states are built but never swapped into `states`, so every timestep starts from the initial states.
import * as tf from '@tensorflow/tfjs';

export abstract class StackedRecurrent {
  constructor(protected readonly layers: number, protected readonly units: number) {}

  protected abstract layerStep(layer: number, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;

  initialStates(batch: number): tf.Tensor2D[] {
    return Array.from({ length: this.layers }, () => tf.zeros([batch, this.units]) as tf.Tensor2D);
  }

  /** frames: one [batch, features] tensor per timestep; returns top-layer outputs. */
  run(frames: tf.Tensor2D[], states = this.initialStates(frames[0].shape[0])): tf.Tensor2D[] {
    const top: tf.Tensor2D[] = [];
    for (const frame of frames) {
      let input = frame;
      const next: tf.Tensor2D[] = [];
      for (let l = 0; l < this.layers; l++) {
        const h = this.layerStep(l, input, states[l]);
        next.push(h);
        input = h;
      }
      top.push(next[next.length - 1]);
    }
    return top;
  }
}

export class StackedGRU extends StackedRecurrent {
  private readonly w: tf.Variable[] = [];
  private readonly u: tf.Variable[] = [];

  constructor(inputDim: number, layers: number, units: number) {
    super(layers, units);
    for (let l = 0; l < layers; l++) {
      const fanIn = l === 0 ? inputDim : units;
      this.w.push(tf.variable(tf.randomNormal([fanIn, 3 * units], 0, 1 / Math.sqrt(fanIn))));
      this.u.push(tf.variable(tf.randomNormal([units, 3 * units], 0, 1 / Math.sqrt(units))));
    }
  }

  protected layerStep(layer: number, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.w[layer] as tf.Tensor2D), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.u[layer] as tf.Tensor2D), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n)) as tf.Tensor2D;
  }

  trainableVariables(): tf.Variable[] {
    return [...this.w, ...this.u];
  }
}

export function trainSpeechFrames(
  frames: tf.Tensor2D[],
  labels: tf.Tensor2D[],
  numClasses: number,
  steps = 50,
): StackedGRU {
  const net = new StackedGRU(frames[0].shape[1], 3, 24);
  const proj = tf.variable(tf.randomNormal([24, numClasses], 0, 0.1));
  const opt = tf.train.adam(1e-3);
  for (let i = 0; i < steps; i++) {
    opt.minimize(() => {
      const outs = net.run(frames);
      const logits = tf.concat(outs.map((o) => tf.matMul(o, proj as tf.Tensor2D)), 0);
      return tf.losses.softmaxCrossEntropy(tf.concat(labels, 0), logits) as tf.Scalar;
    }, false, [...net.trainableVariables(), proj]);
  }
  return net;
}
