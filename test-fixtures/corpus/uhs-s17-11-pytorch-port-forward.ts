// expect: unused-hidden-state
// Port of the PyTorch "classifying names with a character-level RNN" tutorial to TensorFlow.js.
import * as tf from '@tensorflow/tfjs';

const ALL_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,;'";
const N_LETTERS = ALL_LETTERS.length;

export function letterToTensor(letter: string): tf.Tensor2D {
  const idx = ALL_LETTERS.indexOf(letter);
  return tf.oneHot(tf.tensor1d([Math.max(idx, 0)], 'int32'), N_LETTERS).toFloat() as tf.Tensor2D;
}

export class RNN {
  readonly hidden_size: number;
  private i2h: tf.layers.Layer;
  private i2o: tf.layers.Layer;

  constructor(input_size: number, hidden_size: number, output_size: number) {
    this.hidden_size = hidden_size;
    this.i2h = tf.layers.dense({ units: hidden_size, kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }) });
    this.i2o = tf.layers.dense({ units: output_size, kernelInitializer: tf.initializers.glorotNormal({ seed: 2 }) });
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const combined = tf.concat([input, hidden], 1);
    const next_hidden = this.i2h.apply(input) as tf.Tensor2D;
    const output = tf.logSoftmax(this.i2o.apply(input) as tf.Tensor2D) as tf.Tensor2D;
    combined.dispose();
    return [output, next_hidden];
  }

  initHidden(): tf.Tensor2D {
    return tf.zeros([1, this.hidden_size]);
  }
}

export function classify(rnn: RNN, name: string): tf.Tensor2D {
  return tf.tidy(() => {
    let hidden = rnn.initHidden();
    let output: tf.Tensor2D | null = null;
    for (const ch of name) {
      [output, hidden] = rnn.forward(letterToTensor(ch), hidden);
    }
    return output as tf.Tensor2D;
  });
}

export function categoryFromOutput(output: tf.Tensor2D, categories: string[]): [string, number] {
  const idx = output.argMax(1).dataSync()[0];
  return [categories[idx], idx];
}

export function demo(): void {
  const categories = ['English', 'French', 'Italian', 'Japanese'];
  const rnn = new RNN(N_LETTERS, 32, categories.length);
  for (const name of ['Hinton', 'Bengio', 'Sato']) {
    const out = classify(rnn, name);
    console.log(name, categoryFromOutput(out, categories));
    out.dispose();
  }
}
