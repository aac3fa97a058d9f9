// The same layer stack run before the closure, on purpose: a frozen encoder whose weights are left
// out of the closure's variable list, one whose weights are created non-trainable, and inference.
const tf = require('@tensorflow/tfjs');

class Cell {
  constructor(inDim, units) {
    this.Wx = tf.variable(tf.randomNormal([inDim, units], 0, 0.1));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  }

  step(x, h) {
    return tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
  }
}

class FrozenCell {
  constructor(inDim, units) {
    this.Wx = tf.variable(tf.randomNormal([inDim, units], 0, 0.1), false);
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.1), false);
  }

  step(x, h) {
    return tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
  }
}

class Stack {
  constructor(inDim, units, depth) {
    this.units = units;
    this.cells = Array.from({ length: depth }, (_, l) => new Cell(l === 0 ? inDim : units, units));
  }

  run(xs) {
    let inputs = tf.unstack(xs, 1);
    for (const cell of this.cells) {
      let h = tf.zeros([xs.shape[0], this.units]);
      const outs = [];
      for (const x of inputs) {
        h = cell.step(x, h);
        outs.push(h);
      }
      inputs = outs;
    }
    return inputs[inputs.length - 1];
  }
}

class FrozenStack {
  constructor(inDim, units, depth) {
    this.units = units;
    this.cells = Array.from({ length: depth }, (_, l) => new FrozenCell(l === 0 ? inDim : units, units));
  }

  run(xs) {
    let inputs = tf.unstack(xs, 1);
    for (const cell of this.cells) {
      let h = tf.zeros([xs.shape[0], this.units]);
      const outs = [];
      for (const x of inputs) {
        h = cell.step(x, h);
        outs.push(h);
      }
      inputs = outs;
    }
    return inputs[inputs.length - 1];
  }
}

const encoder = new Stack(6, 16, 2);
const frozen = new FrozenStack(6, 16, 2);
const head = { W: tf.variable(tf.randomNormal([16, 3], 0, 0.1)), b: tf.variable(tf.zeros([3])) };
const optimizer = tf.train.adam(1e-3);
const classify = (features) => tf.add(tf.matMul(features, head.W), head.b);

function trainHeadOnly(xs, ys) {
  const top = tf.tidy(() => encoder.run(xs));
  return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, classify(top)), true, [head.W, head.b]);
}

function trainOnFrozen(xs, ys) {
  const top = tf.tidy(() => frozen.run(xs));
  return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, classify(top)), true);
}

function predict(xs) {
  const top = tf.tidy(() => encoder.run(xs));
  return classify(top).argMax(1);
}

module.exports = { trainHeadOnly, trainOnFrozen, predict };
