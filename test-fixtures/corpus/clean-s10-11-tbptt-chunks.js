// expect: none
// Character-level Elman RNN trained on one long text stream with truncated backprop through time (chunks of 16 chars).
const tf = require('@tensorflow/tfjs');

class CharRNN {
  constructor(vocabSize, units) {
    this.vocabSize = vocabSize;
    this.units = units;
    this.Wxh = tf.variable(tf.randomNormal([vocabSize, units], 0, 0.1), true, 'Wxh');
    this.Whh = tf.variable(tf.randomNormal([units, units], 0, 0.1), true, 'Whh');
    this.bh = tf.variable(tf.zeros([units]), true, 'bh');
    this.Why = tf.variable(tf.randomNormal([units, vocabSize], 0, 0.1), true, 'Why');
    this.by = tf.variable(tf.zeros([vocabSize]), true, 'by');
  }

  step(x, h) {
    return tf.tanh(tf.matMul(x, this.Wxh).add(tf.matMul(h, this.Whh)).add(this.bh));
  }

  logits(h) {
    return tf.add(tf.matMul(h, this.Why), this.by);
  }
}

function trainStream(model, ids, { chunk = 16, epochs = 2, lr = 0.05 } = {}) {
  const optimizer = tf.train.adam(lr);
  const history = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let carry = tf.zeros([1, model.units]);
    for (let start = 0; start + chunk + 1 <= ids.length; start += chunk) {
      const [xs, ys] = tf.tidy(() => [
        tf.oneHot(tf.tensor1d(ids.slice(start, start + chunk), 'int32'), model.vocabSize),
        tf.oneHot(tf.tensor1d(ids.slice(start + 1, start + chunk + 1), 'int32'), model.vocabSize),
      ]);
      let last = null;
      const loss = optimizer.minimize(() => {
        let h = carry;
        const steps = tf.unstack(xs);
        const logits = steps.map((x) => {
          h = model.step(x.expandDims(0), h);
          return model.logits(h);
        });
        last = tf.keep(h);
        return tf.losses.softmaxCrossEntropy(ys, tf.concat(logits, 0));
      }, true);
      history.push(loss.dataSync()[0]);
      // Truncation point: the next chunk starts from this chunk's final state but does not
      // backprop into it, so copy the values out and start a fresh tensor with no history.
      const next = tf.tensor(last.dataSync(), last.shape);
      tf.dispose([carry, last, xs, ys, loss]);
      carry = next;
    }
    carry.dispose();
  }
  optimizer.dispose();
  return history;
}

module.exports = { CharRNN, trainStream };

if (require.main === module) {
  const text = 'the quick brown fox jumps over the lazy dog. '.repeat(6);
  const chars = Array.from(new Set(text));
  const ids = Array.from(text, (c) => chars.indexOf(c));
  const model = new CharRNN(chars.length, 32);
  const history = trainStream(model, ids);
  console.log('first loss', history[0].toFixed(3), 'last loss', history[history.length - 1].toFixed(3));
  console.log('tensors', tf.memory().numTensors);
}
