// expect: none
import * as tf from '@tensorflow/tfjs';

const H = 4;
const W = tf.variable(tf.randomNormal([2, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const V = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const xs = Array.from({ length: 6 }, () => tf.randomNormal([1, 2]));
const y = tf.ones([1, 1]);
const opt = tf.train.adam(0.05);

for (let epoch = 0; epoch < 3; epoch++) {
  const cost = opt.minimize(() => {
    let h = tf.zeros([1, H]);
    for (const x of xs) {
      h = tf.tanh(x.matMul(W).add(h.matMul(U)));
    }
    return tf.losses.meanSquaredError(y, h.matMul(V));
  }, true);
  console.log(epoch, (await cost.data())[0]);
}
