// expect: stale-state
// A three-layer stacked RNN kept as an array of per-layer states generates synthetic temperature curves one step at a time for a weather simulator.
const tf = require('@tensorflow/tfjs');

const DEPTH = 3;
const UNITS = 32;

function makeLayer(inDim) {
  return {
    W: tf.variable(tf.randomNormal([inDim, UNITS], 0, 0.1)),
    U: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.1)),
    b: tf.variable(tf.zeros([UNITS])),
  };
}

const layers = Array.from({ length: DEPTH }, (_, l) => makeLayer(l === 0 ? 1 : UNITS));
const readout = {
  W: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.1)),
  b: tf.variable(tf.zeros([1])),
};

const cells = layers.map((p) => (x, h) =>
  tf.tanh(tf.add(tf.add(tf.matMul(x, p.W), tf.matMul(h, p.U)), p.b)));

function generate(seedTemp, steps, noise = 0.05) {
  const states = cells.map(() => tf.zeros([1, UNITS]));
  let temp = seedTemp;
  const curve = [temp];

  for (let t = 0; t < steps; t++) {
    const value = tf.tidy(() => {
      let inp = tf.tensor2d([[temp]]);
      const newStates = [];
      for (let l = 0; l < DEPTH; l++) {
        const next = cells[l](inp, states[l]);
        newStates.push(next);
        inp = next;
      }
      const y = tf.add(tf.matMul(inp, readout.W), readout.b);
      return tf.add(y, tf.randomNormal([1, 1], 0, noise)).dataSync()[0];
    });
    temp = value;
    curve.push(temp);
  }

  tf.dispose(states);
  return curve;
}

function toCsv(curve, startHour = 0) {
  return ['hour,temp_c', ...curve.map((v, i) => `${(startHour + i) % 24},${v.toFixed(2)}`)].join('\n');
}

function simulateDays(days, seedTemp = 12) {
  const out = [];
  for (let d = 0; d < days; d++) {
    out.push(toCsv(generate(seedTemp + Math.random() * 4 - 2, 24)));
  }
  return out;
}

module.exports = { generate, simulateDays };
