// Decoders whose steps return [logits, state]: the sampler's softmax is the only one.
import * as tf from '@tensorflow/tfjs';

export class Decoder {
  private readonly head = tf.layers.dense({ units: 8 });
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D) {}

  step(x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    return tf.tidy(() => {
      const hNew = tf.tanh(x.matMul(this.W).add(h.matMul(this.U))) as tf.Tensor2D;
      return [this.head.apply(hNew) as tf.Tensor2D, hNew];
    });
  }
}

function sample(dist: tf.Tensor2D, temperature: number): number {
  return tf.tidy(() => tf.softmax(dist.div(temperature)).argMax(-1).dataSync()[0]!);
}

// Reads the state (element 1, a tanh) through a dense layer first: a kernel comes between.
function readout(state: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor {
  return tf.softmax(state.matMul(W));
}

export function generate(dec: Decoder, xs: tf.Tensor2D[], h0: tf.Tensor2D, W: tf.Tensor2D): number[] {
  let h = h0;
  const out: number[] = [];
  for (const x of xs) {
    const [dist, next] = dec.step(x, h);
    out.push(sample(dist, 0.8));
    readout(next, W);
    h = next;
  }
  return out;
}
