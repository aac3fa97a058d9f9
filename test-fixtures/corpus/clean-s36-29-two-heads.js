// expect: none
// CommonJS module: LSTM over app-usage sessions with a multi-label "interest" head and a single-label "next screen" head.
'use strict';

const tf = require('@tensorflow/tfjs');

const defaults = { steps: 30, features: 12, units: 48, interests: 8, screens: 20, lr: 1e-3 };

exports.defaults = defaults;

exports.build = function build(options) {
  const o = Object.assign({}, defaults, options);
  const input = tf.input({ shape: [o.steps, o.features] });
  const seq = tf.layers.lstm({ units: o.units, activation: 'tanh', recurrentActivation: 'sigmoid' }).apply(input);
  const shared = tf.layers.dense({ units: 32, activation: 'relu' }).apply(seq);
  const interestLogits = tf.layers.dense({ units: o.interests, name: 'interest_logits' }).apply(shared);
  const screenProbs = tf.layers.dense({ units: o.screens, activation: 'softmax', name: 'screen' }).apply(shared);
  const model = tf.model({ inputs: input, outputs: [interestLogits, screenProbs] });
  return { model, optimizer: tf.train.adam(o.lr), options: o };
};

/**
 * @param {{ model: tf.LayersModel, optimizer: tf.Optimizer }} net
 * @param {tf.Tensor3D} xs
 * @param {tf.Tensor2D} interestTargets multi-hot
 * @param {tf.Tensor2D} screenTargets one-hot
 */
exports.trainStep = function trainStep(net, xs, interestTargets, screenTargets) {
  const cost = net.optimizer.minimize(() => {
    const [logits, probs] = /** @type {tf.Tensor[]} */ (net.model.apply(xs, { training: true }));
    const interestLoss = tf.losses.sigmoidCrossEntropy(interestTargets, logits);
    const screenLoss = tf.metrics.categoricalCrossentropy(screenTargets, probs).mean();
    return tf.add(interestLoss, screenLoss);
  }, true);
  const v = cost.dataSync()[0];
  cost.dispose();
  return v;
};

/**
 * @param {{ model: tf.LayersModel }} net
 * @param {number[][][]} sessions
 */
exports.predict = function predict(net, sessions) {
  return tf.tidy(() => {
    const [logits, probs] = /** @type {tf.Tensor[]} */ (net.model.predict(tf.tensor3d(sessions)));
    const interests = tf.sigmoid(logits).arraySync();
    const screens = probs.argMax(1).arraySync();
    return sessions.map((_, i) => ({ interests: interests[i], nextScreen: screens[i] }));
  });
};

/**
 * Small calibration MLP on top of the interest logits: logits -> relu hidden -> sigmoid.
 * @param {tf.Tensor2D} logits
 * @param {{ w1: tf.Tensor2D, b1: tf.Tensor1D, w2: tf.Tensor2D, b2: tf.Tensor1D }} cal
 */
exports.calibrate = function calibrate(logits, cal) {
  return tf.tidy(() => {
    const hidden = tf.relu(tf.add(tf.matMul(logits, cal.w1), cal.b1));
    return tf.sigmoid(tf.add(tf.matMul(hidden, cal.w2), cal.b2));
  });
};

exports.fit = async function fit(net, data, epochs, done) {
  try {
    const history = [];
    for (let e = 0; e < epochs; e++) {
      let sum = 0;
      for (const b of data) sum += exports.trainStep(net, b.xs, b.interests, b.screens);
      history.push(sum / data.length);
      await tf.nextFrame();
    }
    done(null, history);
  } catch (err) {
    done(err);
  }
};
