// An activation applied straight to the output of another.
import * as tf from '@tensorflow/tfjs';

// Nested calls.
export function nested(z: tf.Tensor): tf.Tensor {
  return tf.tanh(tf.tanh(z));
//       ~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// A method chain.
export function chain(x: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor {
  return x.matMul(W).add(b).tanh().sigmoid();
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// Through variables that are read only here.
export function throughVariables(x: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor {
  const activated = tf.tanh(tf.matMul(x, W));
  const y = activated;
  return tf.relu(y);
//       ~~~~~~~~~~ stacked-activation
}

// Through a variable that is reassigned with the second activation.
export function reassigned(x: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor {
  let z = tf.matMul(x, W);
  z = tf.tanh(z);
  z = tf.tanh(z);
//    ~~~~~~~~~~ stacked-activation
  return z;
}

// Through a shape-only op.
export function throughReshape(x: tf.Tensor2D): tf.Tensor {
  return tf.tanh(tf.reshape(tf.sigmoid(x), [-1]));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// A dense layer that ends in relu, then tanh on its output.
const dense = tf.layers.dense({ units: 8, activation: 'relu' });
export function denseThenTanh(x: tf.Tensor2D): tf.Tensor {
  return tf.tanh(dense.apply(x) as tf.Tensor);
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// An RNN step whose new state goes through an activation layer after its tanh.
const relu = tf.layers.activation({ activation: 'relu' });
export function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  const hNew = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)));
  return relu.apply(hNew) as tf.Tensor2D;
//       ~~~~~~~~~~~~~~~~ stacked-activation
}

// A softmax straight over a squashed hidden state, with no output projection.
export function head(h: tf.Tensor2D): tf.Tensor {
  const hidden = tf.tanh(h);
  return tf.softmax(hidden);
//       ~~~~~~~~~~~~~~~~~~ stacked-activation
}

// A cell whose layer already applies tanh; the method form applies sigmoid on top.
export class TwiceCell extends tf.layers.RNNCell {
  static className = 'TwiceCell';
  stateSize = 8;
  private inputLayer = tf.layers.dense({ units: 8, activation: 'tanh' });
  private recurrentKernel = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const [x, h] = inputs as tf.Tensor[];
    const pre = tf.add(this.inputLayer.apply(x) as tf.Tensor, tf.matMul(h, this.recurrentKernel));
    const projected = this.inputLayer.apply(x) as tf.Tensor;
    const out = tf.add(pre, projected.sigmoid());
//                          ~~~~~~~~~~~~~~~~~~~ stacked-activation
    return [out, out];
  }
}

// Through a `tf.tidy` that returns the inner activation.
export function throughTidy(z: tf.Tensor): tf.Tensor {
  const squashed = tf.tidy(() => tf.tanh(z));
  return tf.sigmoid(squashed);
//       ~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// Through a local name for a tf function.
const squash = tf.tanh;
export function aliased(x: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor {
  return squash(tf.sigmoid(tf.matMul(x, W)));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}
