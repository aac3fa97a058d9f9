// The same `const self = this` constructor, used correctly: a linear actor head gives logits that
// softmax turns into probabilities, and a softmax head's probabilities are sampled through their log.
const tf = require('@tensorflow/tfjs');

class RecurrentActor {
  constructor(obsSize, units, actions) {
    const self = this;
    self.wx = tf.variable(tf.randomNormal([obsSize, units]));
    self.wh = tf.variable(tf.randomNormal([units, units]));
    self.logits = tf.layers.dense({ units: actions, inputShape: [units] });
    self.policy = tf.layers.dense({ units: actions, activation: 'softmax', inputShape: [units] });
  }

  forward(obs, hidden) {
    const self = this;
    const h = tf.tanh(tf.matMul(obs, self.wx).add(tf.matMul(hidden, self.wh)));
    const probs = tf.softmax(self.logits.apply(h));
    return [probs, h];
  }

  sample(obs, hidden) {
    const self = this;
    const h = tf.tanh(tf.matMul(obs, self.wx).add(tf.matMul(hidden, self.wh)));
    const p = self.policy.apply(h);
    return [tf.multinomial(tf.log(p), 1), p.argMax(-1), h];
  }
}

module.exports = { RecurrentActor };
