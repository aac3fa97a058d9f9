// expect: returns-input-state
// The MinimalRNNCell from the Keras RNN guide, ported as a plain class with a K.rnn-style loop and a tf.variableGrads training loop.
'use strict';
const tf = require('@tensorflow/tfjs');

class MinimalRNNCell {
  constructor(units, input_dim) {
    this.units = units;
    this.state_size = units;
    this.kernel = tf.variable(tf.randomNormal([input_dim, units], 0, 0.3));
    this.recurrent_kernel = tf.variable(tf.randomNormal([units, units], 0, 0.3));
  }

  call(inputs, states) {
    const prev_output = states[0];
    const h = tf.matMul(inputs, this.kernel);
    const output = tf.tanh(h.add(tf.matMul(prev_output, this.recurrent_kernel)));
    return [output, states];
  }

  get trainableWeights() {
    return [this.kernel, this.recurrent_kernel];
  }
}

// like keras.backend.rnn: iterate over the time axis, feeding states back in
function rnn(cell, inputs, initial_states) {
  const steps = tf.unstack(inputs, 1);
  let states = initial_states;
  const outputs = [];
  steps.forEach((x_t) => {
    const [out, new_states] = cell.call(x_t, states);
    outputs.push(out);
    states = new_states;
  });
  return { last_output: outputs[outputs.length - 1], outputs: tf.stack(outputs, 1), states };
}

// task: does the running count of ones in the sequence end up odd? (needs memory)
function makeParityBatch(batch, len) {
  const xs = [];
  const ys = [];
  for (let b = 0; b < batch; b++) {
    const bits = Array.from({ length: len }, () => (Math.random() < 0.5 ? 1 : 0));
    xs.push(bits.map((v) => [v]));
    ys.push([bits.reduce((a, v) => a + v, 0) % 2]);
  }
  return { x: tf.tensor3d(xs), y: tf.tensor2d(ys) };
}

function fit(cell, head, { epochs = 10, steps_per_epoch = 8, batch_size = 32, seq_len = 4 } = {}) {
  const optimizer = tf.train.adam(0.02);
  const history = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (let s = 0; s < steps_per_epoch; s++) {
      const { x, y } = makeParityBatch(batch_size, seq_len);
      const { value, grads } = tf.variableGrads(() => {
        const init = [tf.zeros([batch_size, cell.units])];
        const { last_output } = rnn(cell, x, init);
        const logits = tf.matMul(last_output, head.w).add(head.b);
        return tf.losses.sigmoidCrossEntropy(y, logits);
      });
      optimizer.applyGradients(grads);
      total += value.dataSync()[0];
      tf.dispose([x, y, value, grads]);
    }
    history.push(total / steps_per_epoch);
    console.log(`Epoch ${epoch + 1}/${epochs} - loss: ${history[history.length - 1].toFixed(4)}`);
  }
  return history;
}

module.exports = { MinimalRNNCell, rnn, fit };

if (require.main === module) {
  const cell = new MinimalRNNCell(32, 1);
  const head = { w: tf.variable(tf.randomNormal([32, 1], 0, 0.3)), b: tf.variable(tf.zeros([1])) };
  fit(cell, head);
}
