// expect: none
// Two stacked cells per time step: each layer keeps its own state; the loop over layers inside
// the time loop is not a loop over time.
const tf = require('@tensorflow/tfjs');

const units = 8;
const layers = [tf.layers.gruCell({ units }), tf.layers.gruCell({ units })];
layers[0].build([null, 3]);
layers[1].build([null, units]);

function run(xs) {
  const states = layers.map(() => tf.zeros([1, units]));
  let top = null;
  for (let t = 0; t < xs.length; t++) {
    let input = xs[t];
    for (let l = 0; l < layers.length; l++) {
      const [out, next] = layers[l].call([input, states[l]], {});
      states[l] = next;
      input = out;
    }
    top = input;
  }
  return top;
}

module.exports = { run };
