// Code ported from PyTorch keeps Python's `self`: the constructor stores the heads through
// `const self = this`. The actor head already applies softmax, and the step applies it again.
const tf = require('@tensorflow/tfjs');

class RecurrentActor {
  constructor(obsSize, units, actions) {
    const self = this;
    self.wx = tf.variable(tf.randomNormal([obsSize, units]));
    self.wh = tf.variable(tf.randomNormal([units, units]));
    self.actor = tf.layers.dense({ units: actions, activation: 'softmax', inputShape: [units] });
  }

  forward(obs, hidden) {
    const self = this;
    const h = tf.tanh(tf.matMul(obs, self.wx).add(tf.matMul(hidden, self.wh)));
    const probs = tf.softmax(self.actor.apply(h));
//                ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
    return [probs, h];
  }
}

module.exports = { RecurrentActor };
