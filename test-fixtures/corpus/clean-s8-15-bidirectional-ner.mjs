// expect: none
// Bidirectional RNN encoder for named-entity tagging: one pass reads the sentence left to right, another right to left, and the two are joined per token.
import * as tf from '@tensorflow/tfjs';

function makeDirection(inDim, units, tag) {
  return {
    tag,
    units,
    Wx: tf.variable(tf.randomNormal([inDim, units], 0, 0.1), true, `${tag}/Wx`),
    Wh: tf.variable(tf.randomNormal([units, units], 0, 0.1), true, `${tag}/Wh`),
    b: tf.variable(tf.zeros([units]), true, `${tag}/b`),
  };
}

function elman(dir, x, h) {
  return tf.tanh(x.matMul(dir.Wx).add(h.matMul(dir.Wh)).add(dir.b));
}

function runDirection(dir, tokens, reverse) {
  const order = tokens.map((_, i) => i);
  if (reverse) order.reverse();
  const outputs = new Array(tokens.length);
  let h = tf.zeros([1, dir.units]);
  for (const i of order) {
    h = elman(dir, tokens[i], h);
    outputs[i] = h;
  }
  return outputs;
}

export class BiRnnTagger {
  constructor(embDim, units, labels) {
    this.labels = labels;
    this.fwd = makeDirection(embDim, units, 'fwd');
    this.bwd = makeDirection(embDim, units, 'bwd');
    this.Wout = tf.variable(tf.randomNormal([2 * units, labels.length], 0, 0.1), true, 'out/W');
    this.bout = tf.variable(tf.zeros([labels.length]), true, 'out/b');
  }

  logits(tokens) {
    const left = runDirection(this.fwd, tokens, false);
    const right = runDirection(this.bwd, tokens, true);
    const joined = tokens.map((_, i) => tf.concat([left[i], right[i]], 1));
    return tf.concat(joined, 0).matMul(this.Wout).add(this.bout);
  }

  predict(tokens) {
    return tf.tidy(() => {
      const ids = this.logits(tokens).argMax(1).arraySync();
      return ids.map((i) => this.labels[i]);
    });
  }

  fitSentence(optimizer, tokens, goldIds) {
    return optimizer.minimize(() => {
      const y = tf.oneHot(tf.tensor1d(goldIds, 'int32'), this.labels.length);
      return tf.losses.softmaxCrossEntropy(y, this.logits(tokens));
    }, true);
  }
}

const labels = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
const tagger = new BiRnnTagger(12, 20, labels);
const sentence = Array.from({ length: 5 }, () => tf.randomNormal([1, 12]));
const opt = tf.train.adam(0.01);
for (let epoch = 0; epoch < 30; epoch++) {
  const loss = tagger.fitSentence(opt, sentence, [1, 2, 0, 0, 3]);
  if (epoch % 10 === 0) console.log('epoch', epoch, 'loss', loss.dataSync()[0].toFixed(4));
  loss.dispose();
}
console.log(tagger.predict(sentence).join(' '));
