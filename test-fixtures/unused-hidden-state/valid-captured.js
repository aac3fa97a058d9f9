// Closures that keep a state correctly, and captured variables that are not a recurrence.
const tf = require('@tensorflow/tfjs');

function createUnit(inDim, units) {
  const Wx = tf.variable(tf.randomNormal([inDim, units], 0, 0.1));
  const Wh = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  let h = tf.zeros([1, units]);

  // The recurrent term reaches the new state.
  function step(x) {
    const next = tf.tidy(() => tf.tanh(x.matMul(Wx).add(h.matMul(Wh))));
    h.dispose();
    h = next;
    return next.clone();
  }

  // A reset reads the old state only to dispose it.
  function reset() {
    h.dispose();
    h = tf.zeros([1, units]);
  }

  // A setter: the new state is given, not computed.
  function setState(h0) {
    h.dispose();
    h = h0.clone();
  }

  return { step, reset, setState };
}

// A cache of the last output: the old value is only disposed, never read into a computation.
const head = tf.variable(tf.randomNormal([4, 2], 0, 0.1));
let lastOutput = null;

function predict(x) {
  if (lastOutput) lastOutput.dispose();
  lastOutput = tf.softmax(tf.matMul(x, head));
  return lastOutput;
}

// A running statistic that reads the old value into the new one.
let prevMean = tf.zeros([4]);

function track(batch) {
  const mean = tf.mean(batch, 0);
  const blended = prevMean.mul(0.9).add(mean.mul(0.1));
  prevMean = blended;
  return blended;
}

// The old state is read for a log line, and the new one is computed from it.
let state = tf.zeros([1, 4]);
const U = tf.variable(tf.randomNormal([4, 4], 0, 0.1));

function tick(x) {
  const norm = tf.norm(state);
  console.log(norm.dataSync()[0]);
  state = tf.tanh(x.add(tf.matMul(state, U)));
  return state;
}

// The recurrent weight is used: the state reaches the new state.
function createEncoder(units) {
  const Wx = tf.randomNormal([3, units]);
  const Wh = tf.randomNormal([units, units]);
  let memory = tf.zeros([1, units]);
  return {
    update(x) {
      const next = tf.tidy(() => tf.tanh(x.matMul(Wx).add(memory.matMul(Wh))));
      memory.dispose();
      memory = next;
      return next.clone();
    },
  };
}

// A cache of the last output next to an unrelated projection weight `W`: not a recurrent weight.
function createCache(units) {
  const W = tf.randomNormal([3, units]);
  const Wout = tf.randomNormal([units, 2]);
  let lastHidden = null;
  return {
    observe(x) {
      if (lastHidden) lastHidden.dispose();
      lastHidden = tf.tanh(x.matMul(W));
      return lastHidden;
    },
    dispose() {
      tf.dispose([W, Wout]);
    },
  };
}

module.exports = { createUnit, predict, track, tick, createEncoder, createCache };
