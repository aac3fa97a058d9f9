// A helper unrolls the sequence and returns every state it pushed; the loss closure only reads them.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wxh = tf.variable(tf.randomNormal([4, H], 0, 0.01));
const Whh = tf.variable(tf.randomNormal([H, H], 0, 0.01));
const Why = tf.variable(tf.randomNormal([H, 3], 0, 0.01));
const optimizer = tf.train.adagrad(0.1);

function runSequence(inputs: tf.Tensor2D[], hPrev: tf.Tensor2D): tf.Tensor2D[] {
  const states: tf.Tensor2D[] = [];
  let h = hPrev;
  for (const x of inputs) {
    h = tf.tanh(tf.addN([tf.matMul(x, Wxh), tf.matMul(h, Whh)])) as tf.Tensor2D;
    states.push(h);
  }
  return states;
}

function chunkLoss(states: tf.Tensor2D[], labels: tf.Tensor2D): tf.Scalar {
  const logits = tf.concat(states.map((h) => tf.matMul(h, Why)), 0);
  return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
}

export function trainChunk(inputs: tf.Tensor2D[], labels: tf.Tensor2D): tf.Scalar | null {
  const states = runSequence(inputs, tf.zeros([1, H]) as tf.Tensor2D);
  return optimizer.minimize(() => chunkLoss(states, labels), true);
//                                          ~~~~~~ bptt-cut
}

// Inside the closure the same helper is fine.
export function trainChunkRecorded(inputs: tf.Tensor2D[], labels: tf.Tensor2D): tf.Scalar | null {
  return optimizer.minimize(() => chunkLoss(runSequence(inputs, tf.zeros([1, H]) as tf.Tensor2D), labels), true);
}
