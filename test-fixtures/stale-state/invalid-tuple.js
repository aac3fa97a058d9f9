// A tuple state taken as a destructuring parameter (`forward(x, [h, c])`, `step(x, [h, c])`),
// called with the same tuple on every frame: the argument stands for both states.
const tf = require('@tensorflow/tfjs');

class TupleLSTM {
  constructor(W) {
    this.W = W;
  }

  forward(x, [h, c]) {
    const [i, f, g, o] = tf.split(tf.concat([x, h], 1).matMul(this.W), 4, 1);
    const cNew = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
    return [o.sigmoid().mul(cNew.tanh()), cNew];
  }
}

function* unrollTuple(cell, frames, initial) {
  for (const frame of frames) {
    const [h, c] = cell.forward(frame, initial);
//                                     ~~~~~~~ stale-state
    yield { h, c };
  }
}

const W = tf.variable(tf.randomNormal([12, 32], 0, 0.1));

function lstmStep(x, [h, c]) {
  const [i, f, g, o] = tf.split(tf.concat([x, h], 1).matMul(W), 4, 1);
  const cNew = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
  return [o.sigmoid().mul(cNew.tanh()), cNew];
}

function encodeAll(frames, carry) {
  const outs = [];
  frames.forEach((frame) => {
    const [h] = lstmStep(frame, carry);
//                              ~~~~~ stale-state
    outs.push(h);
  });
  return outs;
}

module.exports = { TupleLSTM, unrollTuple, encodeAll };
