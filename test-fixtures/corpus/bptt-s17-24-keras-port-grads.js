// expect: bptt-cut
// Port of a Keras "custom training loop" RNN example: adding-problem regression with tf.variableGrads.
const tf = require('@tensorflow/tfjs');

const units = 10;
const timesteps = 6;

const kernel = tf.variable(tf.randomNormal([2, units], 0, 0.4, 'float32', 131), true, 'kernel');
const recurrentKernel = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 132), true, 'recurrent_kernel');
const bias = tf.variable(tf.zeros([units]), true, 'bias');
const denseKernel = tf.variable(tf.randomNormal([units, 1], 0, 0.4, 'float32', 133), true, 'dense_kernel');

function snapshot(t) {
  return tf.tensor(t.dataSync(), t.shape, t.dtype);
}

function simpleRnnCall(inputs, trace) {
  const batch = inputs.shape[0];
  let state = tf.zeros([batch, units]);
  for (let t = 0; t < timesteps; t++) {
    const x = inputs.slice([0, t, 0], [batch, 1, 2]).reshape([batch, 2]);
    const out = tf.tanh(tf.matMul(x, kernel).add(tf.matMul(state, recurrentKernel)).add(bias));
    trace.push(snapshot(out));
    state = trace[trace.length - 1];
  }
  return tf.matMul(state, denseKernel);
}

function addingProblemBatch(batchSize, seed) {
  return tf.tidy(() => {
    const values = tf.randomUniform([batchSize, timesteps, 1], 0, 1, 'float32', seed);
    const marks = tf.oneHot(tf.fill([batchSize], 1, 'int32'), timesteps).add(tf.oneHot(tf.fill([batchSize], timesteps - 2, 'int32'), timesteps)).expandDims(2);
    const inputs = tf.concat([values, marks], 2);
    const targets = values.mul(marks).sum(1);
    return { inputs, targets };
  });
}

const optimizer = tf.train.rmsprop(0.005);

function trainStep(inputs, targets) {
  const trace = [];
  const { value, grads } = tf.variableGrads(() => {
    const preds = simpleRnnCall(inputs, trace);
    return tf.losses.meanSquaredError(targets, preds);
  });
  optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([value, grads, trace]);
  return loss;
}

function fit(epochs = 20, stepsPerEpoch = 5) {
  const history = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (let s = 0; s < stepsPerEpoch; s++) {
      const { inputs, targets } = addingProblemBatch(32, epoch * 100 + s);
      total += trainStep(inputs, targets);
      tf.dispose([inputs, targets]);
    }
    history.push(total / stepsPerEpoch);
  }
  return history;
}

module.exports = { fit, trainStep, simpleRnnCall, addingProblemBatch, variables: { kernel, recurrentKernel, bias, denseKernel } };
