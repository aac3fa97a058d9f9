// Activations with something linear (or a gate) between them: not stacked.
import * as tf from '@tensorflow/tfjs';

// LSTM gates: sigmoid(i) * tanh(g) multiplies two activations; it does not stack them.
export function lstmStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  return tf.tidy(() => {
    const z = tf.add(tf.matMul(x, W), tf.matMul(h, U));
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
    return [hNew, cNew];
  });
}

// GRU: the candidate's tanh reads a product with the reset gate's sigmoid.
export function gruStep(x: tf.Tensor2D, h: tf.Tensor2D, Wr: tf.Tensor2D, Ur: tf.Tensor2D, Wn: tf.Tensor2D, Un: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const r = tf.sigmoid(tf.add(tf.matMul(x, Wr), tf.matMul(h, Ur)));
    const n = tf.tanh(tf.add(tf.matMul(x, Wn), tf.mul(r, tf.matMul(h, Un))));
    return tf.add(tf.mul(r, h), tf.mul(tf.sub(1, r), n)) as tf.Tensor2D;
  });
}

// A softmax over a projection of the hidden state: the output weight is between them.
export function readout(h: tf.Tensor2D, Wo: tf.Tensor2D, bo: tf.Tensor1D): tf.Tensor {
  const hidden = tf.tanh(h);
  return tf.softmax(tf.matMul(hidden, Wo).add(bo));
}

// A dense layer with an activation, then another dense layer: the second kernel is between.
const hiddenLayer = tf.layers.dense({ units: 16, activation: 'relu' });
const outputLayer = tf.layers.dense({ units: 4, activation: 'softmax' });
export function classify(x: tf.Tensor2D): tf.Tensor {
  return outputLayer.apply(hiddenLayer.apply(x)) as tf.Tensor;
}

// A dense layer with an activation fed a tanh output: the dense kernel comes first.
export function project(h: tf.Tensor2D): tf.Tensor {
  return hiddenLayer.apply(tf.tanh(h)) as tf.Tensor;
}

// Mish, x * tanh(softplus(x)): one self-gated activation.
export const mish = (z: tf.Tensor): tf.Tensor => tf.mul(z, tf.tanh(tf.softplus(z)));

// The value is scaled between the two, and a variable is reassigned with a matMul in between.
export function scaled(x: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor {
  let z = tf.tanh(tf.matMul(x, W));
  z = tf.matMul(z, W);
  return tf.sigmoid(z.mul(2));
}

// A residual step: tanh of the update, added to the state, with no second activation.
export function residualStep(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  return h.add(tf.tanh(tf.matMul(x, W))) as tf.Tensor2D;
}

// A Sequential model: LSTM, then dense layers; every activation has a kernel before it.
export function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [10, 4] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}
