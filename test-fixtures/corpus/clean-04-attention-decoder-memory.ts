// expect: none
// Decoder with Bahdanau attention: encoder outputs are the same every step on purpose (memory,
// not state); the hidden state is fed back.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const Wq = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wk = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const v = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const Wx = tf.variable(tf.randomNormal([8 + H, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function decoderStep(y: tf.Tensor2D, h: tf.Tensor2D, memory: tf.Tensor2D): tf.Tensor2D {
  // memory: [srcLen, H]; h: [1, H]
  const scores = tf.matMul(tf.tanh(tf.add(tf.matMul(memory, Wk), tf.matMul(h, Wq))), v); // [srcLen, 1]
  const weights = tf.softmax(scores.transpose()); // [1, srcLen]
  const context = tf.matMul(weights, memory); // [1, H]
  const inp = tf.concat([y, context], 1);
  return tf.tanh(tf.matMul(inp, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

export function decode(encoderOutputs: tf.Tensor2D, targets: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  let h = h0;
  const states: tf.Tensor2D[] = [];
  for (const y of targets) {
    h = decoderStep(y, h, encoderOutputs);
    states.push(h);
  }
  return states;
}
