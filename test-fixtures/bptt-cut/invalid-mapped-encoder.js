// The GRU encoder is handed to `map` by name and joined before minimize; only the head runs on the tape.
import * as tf from '@tensorflow/tfjs';

const wx = tf.variable(tf.randomNormal([8, 16], 0, 0.1));
const wh = tf.variable(tf.randomNormal([16, 16], 0, 0.1));
const headW = tf.variable(tf.randomNormal([16, 3], 0, 0.1));
const optimizer = tf.train.adam(1e-3);

function step(x, h) {
  return tf.tanh(tf.add(tf.matMul(x, wx), tf.matMul(h, wh)));
}

function encode(sample) {
  return tf.tidy(() => {
    let h = tf.zeros([1, 16]);
    for (const row of tf.unstack(sample.xs)) h = step(row.reshape([1, 8]), h);
    return h;
  });
}

export function trainBatch(batch, labels) {
  const encoded = tf.concat(batch.map(encode), 0);
  optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, tf.matMul(encoded, headW)));
  //                                                                       ~~~~~~~ bptt-cut
}
