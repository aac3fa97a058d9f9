// expect: unused-hidden-state
// A PyTorch-tutorial style character RNN ported to TensorFlow.js with forward(input, hidden), classifying surnames by language one letter at a time.
import * as tf from '@tensorflow/tfjs';

const ALL_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,;'";

export class CharRNN {
  constructor(nLetters, hiddenSize, nCategories) {
    this.hiddenSize = hiddenSize;
    this.i2h = tf.layers.dense({ units: hiddenSize, inputShape: [nLetters + hiddenSize] });
    this.i2o = tf.layers.dense({ units: nCategories, inputShape: [nLetters + hiddenSize] });
    // build both layers now so their weights exist before the optimizer collects variables
    tf.tidy(() => {
      const probe = tf.zeros([1, nLetters + hiddenSize]);
      this.i2h.apply(probe);
      this.i2o.apply(probe);
    });
  }

  forward(input, hidden) {
    const combined = tf.concat([input, this.initHidden()], 1);
    const hiddenNext = this.i2h.apply(combined);
    const output = tf.logSoftmax(this.i2o.apply(combined));
    return [output, hiddenNext];
  }

  initHidden() {
    return tf.zeros([1, this.hiddenSize]);
  }

  trainableWeights() {
    return [...this.i2h.trainableWeights, ...this.i2o.trainableWeights].map((w) => w.read());
  }
}

export function lineToTensor(line) {
  const idx = [...line].map((ch) => Math.max(0, ALL_LETTERS.indexOf(ch)));
  return tf.oneHot(tf.tensor1d(idx, 'int32'), ALL_LETTERS.length).toFloat().expandDims(1);
}

export function classify(rnn, lineTensor) {
  let hidden = rnn.initHidden();
  let output = null;
  for (const letter of tf.unstack(lineTensor)) {
    [output, hidden] = rnn.forward(letter, hidden);
  }
  return output;
}

export function trainExample(rnn, optimizer, categoryIdx, nCategories, line) {
  const lineTensor = lineToTensor(line);
  const target = tf.oneHot([categoryIdx], nCategories);
  const loss = optimizer.minimize(() => {
    const logProbs = classify(rnn, lineTensor);
    return tf.neg(tf.sum(tf.mul(target, logProbs)));
  }, true);
  const value = loss.dataSync()[0];
  tf.dispose([loss, lineTensor, target]);
  return value;
}

export function guess(rnn, categories, line) {
  return tf.tidy(() => {
    const out = classify(rnn, lineToTensor(line));
    return categories[out.argMax(1).dataSync()[0]];
  });
}

export async function trainLoop(rnn, data, categories, iterations = 5000) {
  const optimizer = tf.train.sgd(0.005);
  let running = 0;
  for (let it = 1; it <= iterations; it++) {
    const { line, category } = data[Math.floor(Math.random() * data.length)];
    running += trainExample(rnn, optimizer, categories.indexOf(category), categories.length, line);
    if (it % 500 === 0) {
      console.log(`${it} ${(running / 500).toFixed(4)} ${line} -> ${guess(rnn, categories, line)}`);
      running = 0;
      await tf.nextFrame();
    }
  }
}
