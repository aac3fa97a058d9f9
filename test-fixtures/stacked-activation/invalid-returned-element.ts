// A decoder whose step returns [probabilities, state]; the sampler treats the probabilities as logits.
import * as tf from '@tensorflow/tfjs';

export class Decoder {
  private readonly head = tf.layers.dense({ units: 8, activation: 'softmax' });
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
  //                   ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function generate(dec: Decoder, xs: tf.Tensor2D[], h0: tf.Tensor2D): number[] {
  let h = h0;
  const out: number[] = [];
  for (const x of xs) {
    const [dist, next] = dec.step(x, h);
    out.push(sample(dist, 0.8));
    h = next;
  }
  return out;
}
