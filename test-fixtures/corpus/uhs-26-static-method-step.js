// expect: unused-hidden-state
const tf = require('@tensorflow/tfjs');

class Recurrence {
  static step(x, h, params) {
    return tf.tanh(x.matMul(params.W).add(params.b));
  }

  static unroll(xs, params, units) {
    let h = tf.zeros([1, units]);
    for (const x of xs) h = Recurrence.step(x, h, params);
    return h;
  }
}

module.exports = { Recurrence };
