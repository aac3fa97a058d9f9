// JavaScript styles that carry the state correctly, or pass a constant on purpose.
const tf = require('@tensorflow/tfjs');

const units = 5;
const W = tf.variable(tf.randomNormal([3, units], 0, 0.1));
const U = tf.variable(tf.randomNormal([units, units], 0, 0.1));
const optimizer = tf.train.adam(0.01);

const stepFn = ([x, h]) => tf.tanh(x.matMul(W).add(h.matMul(U)));

function runForEach(frames) {
  let hidden = tf.zeros([1, units]);
  frames.forEach((frame) => {
    const next = stepFn([frame, hidden]);
    hidden.dispose();
    hidden = next;
  });
  return hidden;
}

class TinyRNN {
  constructor() {
    this.W = W;
    this.U = U;
  }
  forward(input, hidden) {
    return tf.tanh(input.matMul(this.W).add(hidden.matMul(this.U)));
  }
}

function runWhile(model, seq) {
  let h = tf.zeros([1, units]);
  let t = 0;
  while (t < seq.length) {
    h = model.forward(seq[t], h);
    t += 1;
  }
  return h;
}

// Each epoch unrolls from the same zero state inside the tape: a fresh start per pass is right.
function train(xs, target, epochs) {
  const h0 = tf.zeros([1, units]);
  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.minimize(() => {
      let h = h0;
      for (const x of xs) h = stepFn([x, h]);
      return tf.losses.meanSquaredError(target, h);
    });
  }
}

// Several stacked layers each start from their own zero state (a loop over layers, not time).
function stackedInit(layers, x) {
  const h0 = tf.zeros([1, units]);
  return layers.map((layer) => layer.forward(x, h0));
}

module.exports = { runForEach, TinyRNN, runWhile, train, stackedInit };

// The same decoder, feeding the new hidden state back.
async function greedyDecodeFed(decoder, encoderState, startToken, maxLen) {
  let hidden = encoderState;
  let token = startToken;
  const ids = [];
  while (ids.length < maxLen) {
    const out = decoder.forward(tf.tensor1d([token], 'int32'), hidden);
    hidden = out.hidden;
    token = (await out.logits.argMax(-1).data())[0];
    ids.push(token);
  }
  return ids;
}

module.exports.greedyDecodeFed = greedyDecodeFed;

// A tuple state taken as a destructuring parameter and fed back whole, or rebuilt from its parts.
function tupleStep(x, [h, c]) {
  const [i, f, g, o] = tf.split(tf.concat([x, h], 1).matMul(tf.ones([12, 32])), 4, 1);
  const cNew = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
  return [o.sigmoid().mul(cNew.tanh()), cNew];
}

function* unrollTupleFed(frames, initial) {
  let state = initial;
  for (const frame of frames) {
    state = tupleStep(frame, state);
    yield state[0];
  }
}

function unrollTupleRebuilt(frames, initial) {
  let carry = initial;
  const outs = [];
  for (const frame of frames) {
    const [h, c] = tupleStep(frame, carry);
    carry = [h, c];
    outs.push(h);
  }
  return outs;
}

module.exports.unrollTupleFed = unrollTupleFed;
module.exports.unrollTupleRebuilt = unrollTupleRebuilt;
