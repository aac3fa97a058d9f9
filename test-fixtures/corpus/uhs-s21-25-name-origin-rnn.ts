// expect: unused-hidden-state
// Port of the PyTorch "classifying names with a character-level RNN" tutorial to TensorFlow.js
import * as tf from '@tensorflow/tfjs';

const ALL_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const N_LETTERS = ALL_LETTERS.length;
const N_HIDDEN = 64;

const data: Record<string, string[]> = {
  Italian: ['rossi', 'russo', 'ferrari', 'esposito', 'bianchi', 'romano', 'colombo', 'ricci'],
  Japanese: ['sato', 'suzuki', 'takahashi', 'tanaka', 'watanabe', 'ito', 'yamamoto', 'nakamura'],
  German: ['muller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'becker'],
};
const categories = Object.keys(data);

class RNN {
  i2h = tf.layers.dense({ units: N_HIDDEN });
  i2o = tf.layers.dense({ units: categories.length });

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const combined = tf.concat([input, hidden], 1);
    // console.log('combined', combined.shape);
    const newHidden = tf.tanh(this.i2h.apply(input) as tf.Tensor2D);
    const output = tf.logSoftmax(this.i2o.apply(newHidden) as tf.Tensor2D);
    return [output, newHidden];
  }

  initHidden(): tf.Tensor2D {
    return tf.zeros([1, N_HIDDEN]);
  }
}

function letterToTensor(ch: string): tf.Tensor2D {
  return tf.oneHot(tf.tensor1d([ALL_LETTERS.indexOf(ch)], 'int32'), N_LETTERS).toFloat() as tf.Tensor2D;
}

const rnn = new RNN();
const optimizer = tf.train.sgd(0.05);

function train(category: string, name: string): number {
  const catIdx = categories.indexOf(category);
  const loss = optimizer.minimize(() => {
    let hidden = rnn.initHidden();
    let output: tf.Tensor2D | null = null;
    for (const ch of name) {
      [output, hidden] = rnn.forward(letterToTensor(ch), hidden);
    }
    // NLLLoss
    return output!.gather([catIdx], 1).neg().mean() as tf.Scalar;
  }, true);
  const v = loss!.dataSync()[0];
  loss!.dispose();
  return v;
}

function evaluate(name: string): string {
  return tf.tidy(() => {
    let hidden = rnn.initHidden();
    let output = tf.zeros([1, categories.length]) as tf.Tensor2D;
    for (const ch of name) {
      [output, hidden] = rnn.forward(letterToTensor(ch), hidden);
    }
    return categories[output.argMax(1).dataSync()[0]];
  });
}

async function main() {
  // run once so the dense layers create their weights before training
  rnn.forward(letterToTensor('a'), rnn.initHidden());
  const pairs: [string, string][] = [];
  categories.forEach((c) => data[c].forEach((n) => pairs.push([c, n])));
  let current = 0;
  for (let iter = 1; iter <= 1500; iter++) {
    const [c, n] = pairs[Math.floor(Math.random() * pairs.length)];
    current += train(c, n);
    if (iter % 500 === 0) {
      console.log(`${iter} avg loss ${(current / 500).toFixed(4)}`);
      current = 0;
    }
  }
  let right = 0;
  for (const [c, n] of pairs) if (evaluate(n) === c) right++;
  console.log(`train accuracy ${right}/${pairs.length}`);
  for (const name of ['bianchi', 'tanaka', 'schmidt', 'yamada', 'ricci']) console.log(name, '->', evaluate(name));
}

main();
