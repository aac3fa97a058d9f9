// expect: none
// Runs a padded batch of variable-length sequences through a three-layer GRU stack, holding each row's memory steady on padding steps.
import * as tf from '@tensorflow/tfjs';

function gruLayer(inDim, units, seed) {
  const init = (shape, s) => tf.randomUniform(shape, -0.1, 0.1, 'float32', seed + s);
  return {
    units,
    Wzr: init([inDim + units, 2 * units], 1),
    bzr: tf.zeros([2 * units]),
    Wn: init([inDim, units], 2),
    Un: init([units, units], 3),
    bn: tf.zeros([units]),
  };
}

function gruStep(layer, x, h) {
  const zr = tf.sigmoid(tf.concat([x, h], 1).matMul(layer.Wzr).add(layer.bzr));
  const [z, r] = tf.split(zr, 2, 1);
  const n = tf.tanh(x.matMul(layer.Wn).add(r.mul(h.matMul(layer.Un))).add(layer.bn));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

export function buildStack(inputDim, sizes) {
  const layers = [];
  let d = inputDim;
  sizes.forEach((units, i) => {
    layers.push(gruLayer(d, units, 100 * (i + 1)));
    d = units;
  });
  return layers;
}

/**
 * @param layers  result of buildStack
 * @param batch   tensor [B, T, D], zero padded at the end
 * @param lengths true length of each row
 * @returns top-layer outputs [B, T, H] and the final state of every layer
 */
export function runStack(layers, batch, lengths) {
  return tf.tidy(() => {
    const [B, T] = batch.shape;
    const states = layers.map((l) => tf.zeros([B, l.units]));
    const lens = tf.tensor1d(lengths, 'int32');
    const tops = [];

    for (let t = 0; t < T; t++) {
      // 1 where step t is real data for that row, 0 on padding
      const mask = tf.less(tf.scalar(t, 'int32'), lens).toFloat().expandDims(1);
      let inp = batch.slice([0, t, 0], [B, 1, -1]).squeeze([1]);
      for (let l = 0; l < layers.length; l++) {
        const proposed = gruStep(layers[l], inp, states[l]);
        states[l] = proposed.mul(mask).add(states[l].mul(tf.sub(1, mask)));
        inp = states[l];
      }
      tops.push(inp.mul(mask));
    }
    return { outputs: tf.stack(tops, 1), finalStates: states };
  });
}

const stack = buildStack(6, [32, 32, 16]);
const lengths = [7, 3, 5, 1];
const batch = tf.randomNormal([4, 7, 6]);
const { outputs, finalStates } = runStack(stack, batch, lengths);
console.log('outputs', outputs.shape, 'final states', finalStates.map((s) => s.shape));
finalStates[2].print();
tf.dispose([outputs, ...finalStates, batch]);
