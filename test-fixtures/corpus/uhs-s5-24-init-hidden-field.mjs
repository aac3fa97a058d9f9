// expect: unused-hidden-state
// Port of the classic PyTorch name-classifier RNN; forward(input, hidden) concatenates the input with this.h0 (the zero state from initHidden) instead of `hidden`, so the previous hidden state is never used.
import * as tf from '@tensorflow/tfjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz \'-';

class CharRNN {
  constructor(inputSize, hiddenSize, outputSize) {
    this.hiddenSize = hiddenSize;
    const init = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
    this.i2h = init(inputSize + hiddenSize, hiddenSize);
    this.i2o = init(inputSize + hiddenSize, outputSize);
    this.bh = tf.variable(tf.zeros([hiddenSize]));
    this.bo = tf.variable(tf.zeros([outputSize]));
  }

  initHidden(batch = 1) {
    if (this.h0) this.h0.dispose();
    this.h0 = tf.zeros([batch, this.hiddenSize]);
    return this.h0;
  }

  forward(input, hidden) {
    const combined = tf.concat([input, this.h0], 1);
    const nextHidden = tf.tanh(combined.matMul(this.i2h).add(this.bh));
    const output = tf.logSoftmax(combined.matMul(this.i2o).add(this.bo));
    return [output, nextHidden];
  }

  parameters() {
    return [this.i2h, this.i2o, this.bh, this.bo];
  }
}

function lineToTensors(line) {
  return [...line.toLowerCase()].map((ch) => {
    const idx = Math.max(0, LETTERS.indexOf(ch));
    return tf.oneHot(tf.tensor1d([idx], 'int32'), LETTERS.length).toFloat();
  });
}

function classifyLine(rnn, line) {
  let hidden = rnn.initHidden();
  let output = null;
  for (const letter of lineToTensors(line)) {
    [output, hidden] = rnn.forward(letter, hidden);
  }
  return output;
}

export async function train(examples, categories, iterations = 200) {
  await tf.setBackend('cpu');
  const rnn = new CharRNN(LETTERS.length, 32, categories.length);
  const opt = tf.train.sgd(0.05);
  for (let i = 0; i < iterations; i++) {
    const { line, category } = examples[Math.floor(Math.random() * examples.length)];
    const target = tf.oneHot(tf.tensor1d([categories.indexOf(category)], 'int32'), categories.length);
    const loss = opt.minimize(() => {
      const logProbs = classifyLine(rnn, line);
      return tf.neg(tf.sum(tf.mul(target, logProbs)));
    }, true, rnn.parameters());
    if (i % 50 === 0) console.log(`iter ${i} loss ${loss.dataSync()[0].toFixed(3)}`);
    tf.dispose([target, loss]);
  }
  return rnn;
}

export function predict(rnn, line, categories) {
  return tf.tidy(() => {
    const out = classifyLine(rnn, line);
    return categories[out.argMax(1).dataSync()[0]];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = [
    { line: 'nakamura', category: 'japanese' },
    { line: 'tanaka', category: 'japanese' },
    { line: 'schmidt', category: 'german' },
    { line: 'bauer', category: 'german' },
  ];
  const cats = ['japanese', 'german'];
  const rnn = await train(data, cats, 100);
  console.log('yamamoto ->', predict(rnn, 'yamamoto', cats));
}
