// A class-based stack of recurrent layers unrolled by a method before the closure, inside
// `tf.tidy`: each layer collects its states in an array that becomes the next layer's inputs, and
// the method returns the top layer's last state. The closure runs only the head.
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

const encoder = new Stack(6, 16, 2);
const head = { W: tf.variable(tf.randomNormal([16, 3], 0, 0.1)), b: tf.variable(tf.zeros([3])) };
const optimizer = tf.train.adam(1e-3);

function trainStep(xs, ys) {
  const top = tf.tidy(() => encoder.run(xs));
  return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, tf.add(tf.matMul(top, head.W), head.b)), true);
//                                                                                   ~~~ bptt-cut
}

module.exports = { trainStep };
