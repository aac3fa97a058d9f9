// The same bug in CommonJS JavaScript: array-parameter arrows, LSTM steps, `this` fields.
const tf = require('@tensorflow/tfjs');

const units = 6;
const W = tf.variable(tf.randomNormal([3, units], 0, 0.1));
const U = tf.variable(tf.randomNormal([units, units], 0, 0.1));
const K = tf.variable(tf.randomNormal([3, 4 * units], 0, 0.1));
const R = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.1));

const rnnStep = ([x, h]) => tf.tanh(x.matMul(W).add(h.matMul(U)));

function encode(xs) {
  const hidden = tf.zeros([1, units]);
  const outs = [];
  for (let t = 0; t < xs.length; t++) {
    outs[t] = rnnStep([xs[t], hidden]);
//                            ~~~~~~ stale-state
  }
  return outs;
}

function lstmStep(x, h, c) {
  const z = x.matMul(K).add(h.matMul(R));
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
  return [hNew, cNew];
}

function decode(steps) {
  let h = tf.zeros([1, units]);
  let c = tf.zeros([1, units]);
  const outputs = [];
  for (const x of steps) {
    const [hOut, cOut] = lstmStep(x, h, c);
//                                   ~ stale-state
//                                      ~ stale-state
    outputs.push(hOut);
    cOut.dispose();
  }
  return outputs;
}

class Tagger {
  constructor(inputDim, hiddenDim, numTags) {
    this.W = tf.variable(tf.randomNormal([inputDim, hiddenDim], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([hiddenDim, hiddenDim], 0, 0.1));
    this.V = tf.variable(tf.randomNormal([hiddenDim, numTags], 0, 0.1));
    this.initialHidden = tf.zeros([1, hiddenDim]);
  }

  forward(x, hidden) {
    return tf.tanh(x.matMul(this.W).add(hidden.matMul(this.U)));
  }

  tag(tokens) {
    const tags = [];
    let k = 0;
    while (k < tokens.length) {
      const hidden = this.forward(tokens[k], this.initialHidden);
//                                           ~~~~~~~~~~~~~~~~~~ stale-state
      tags.push(hidden.matMul(this.V).argMax(1).dataSync()[0]);
      k++;
    }
    return tags;
  }
}

// A greedy decoder driven by an object from outside: the new hidden state is destructured and dropped.
async function greedyDecode(decoder, encoderState, startToken, maxLen) {
  const hidden = encoderState;
  let token = startToken;
  const ids = [];
  while (ids.length < maxLen) {
    const { logits, hidden: nextHidden } = decoder.forward(tf.tensor1d([token], 'int32'), hidden);
//                                                                                        ~~~~~~ stale-state
    token = (await logits.argMax(-1).data())[0];
    ids.push(token);
  }
  return ids;
}

module.exports = { encode, decode, Tagger, greedyDecode };
