// expect: none
// PyTorch-style forward that rebinds its `hidden` parameter and returns it with the output.
import * as tf from '@tensorflow/tfjs';

export class CharRNN {
  private readonly i2h: tf.layers.Layer;
  private readonly h2h: tf.layers.Layer;
  private readonly h2o: tf.layers.Layer;

  constructor(vocab: number, hiddenSize: number) {
    this.i2h = tf.layers.dense({ units: hiddenSize, inputShape: [vocab] });
    this.h2h = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize], useBias: false });
    this.h2o = tf.layers.dense({ units: vocab, inputShape: [hiddenSize] });
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    hidden = tf.tanh(tf.add(this.i2h.apply(input) as tf.Tensor2D, this.h2h.apply(hidden) as tf.Tensor2D)) as tf.Tensor2D;
    const output = tf.logSoftmax(this.h2o.apply(hidden) as tf.Tensor2D);
    return [output, hidden];
  }
}

export function readText(model: CharRNN, chars: tf.Tensor2D[], hiddenSize: number): tf.Tensor2D {
  let hidden: tf.Tensor2D = tf.zeros([1, hiddenSize]);
  let output: tf.Tensor2D | undefined;
  for (const c of chars) {
    [output, hidden] = model.forward(c, hidden);
  }
  return output!;
}
