// expect: state-leak
const tf = require('@tensorflow/tfjs');

// runs[r] is an independent simulation run; data[r][t] its t-th observation.
function finalStates(step, runs, units) {
  const finals = [];
  let state = tf.zeros([1, units]);
  for (let r = 0; r < runs.length; r++) {
    for (let t = 0; t < runs[r].length; t++) {
      state = step(runs[r][t], state);
    }
    finals.push(state);
  }
  return finals;
}

module.exports = { finalStates };
