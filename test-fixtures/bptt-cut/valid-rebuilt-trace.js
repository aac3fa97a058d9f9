// Snapshots of each step kept for a plot: the copies go to the trace, the state carried is the
// tensor itself. And a trace read back after the loop, for the report, not for the next step.
const tf = require('@tensorflow/tfjs');

const units = 8;
const kernel = tf.variable(tf.randomNormal([2, units]));
const recurrent = tf.variable(tf.randomNormal([units, units]));
const head = tf.variable(tf.randomNormal([units, 1]));

function snapshot(t) {
  return tf.tensor(t.dataSync(), t.shape, t.dtype);
}

function unrollTraced(xs, trace) {
  let state = tf.zeros([1, units]);
  for (const x of xs) {
    const out = tf.tanh(tf.matMul(x, kernel).add(tf.matMul(state, recurrent)));
    trace.push(snapshot(out));
    state = out;
  }
  return tf.matMul(state, head);
}

function unrollKept(xs, trace) {
  let carry = tf.zeros([1, units]);
  for (const x of xs) {
    const out = tf.tanh(tf.matMul(x, kernel).add(tf.matMul(carry, recurrent)));
    const kept = tf.tensor(out.dataSync(), out.shape);
    trace.push(kept);
    const previous = trace[trace.length - 1];
    console.log(previous.shape);
    carry = out;
  }
  const lastSeen = trace[trace.length - 1];
  lastSeen.print();
  return tf.matMul(carry, head);
}

function trainStep(xs, target) {
  const trace = [];
  const { value, grads } = tf.variableGrads(() => {
    const a = tf.losses.meanSquaredError(target, unrollTraced(xs, trace));
    return a.add(tf.losses.meanSquaredError(target, unrollKept(xs, trace)));
  });
  tf.dispose([value, grads, trace]);
}

module.exports = { trainStep };
