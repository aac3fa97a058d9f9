// The rebuilt copy reaches the state one hop away: pushed to a trace and read back as its last
// element, or kept in a const first. Either way the next step starts from a constant.
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
    //         ~~~~~~~~~~~~~ bptt-cut
    state = trace[trace.length - 1];
  }
  return tf.matMul(state, head);
}

function unrollKept(xs, trace) {
  let carry = tf.zeros([1, units]);
  for (const x of xs) {
    const out = tf.tanh(tf.matMul(x, kernel).add(tf.matMul(carry, recurrent)));
    const kept = out;
    //           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    trace.push(kept);
    carry = kept;
  }
  return tf.matMul(carry, head);
}

function unrollAt(xs, trace) {
  let carry = tf.zeros([1, units]);
  for (const x of xs) {
    const out = tf.tanh(tf.matMul(x, kernel).add(tf.matMul(carry, recurrent)));
    trace.push(out);
    //         ~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    carry = trace.at(-1);
  }
  return tf.matMul(carry, head);
}

function trainStep(xs, target) {
  const trace = [];
  const { value, grads } = tf.variableGrads(() => {
    const a = tf.losses.meanSquaredError(target, unrollTraced(xs, trace));
    const b = tf.losses.meanSquaredError(target, unrollKept(xs, trace));
    return a.add(b).add(tf.losses.meanSquaredError(target, unrollAt(xs, trace)));
  });
  tf.dispose([value, grads, trace]);
}

module.exports = { trainStep };
