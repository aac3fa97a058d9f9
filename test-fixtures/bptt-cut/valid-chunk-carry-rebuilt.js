// Truncated BPTT over one long text: each closure call unrolls one chunk from the state the previous
// call read back after its own unroll (`carry = h.arraySync()`), rebuilt once before the loop. The
// chunk's own steps keep their gradient; the carry enters as a constant on purpose.
const tf = require('@tensorflow/tfjs');

const W = { wx: tf.variable(tf.randomNormal([8, 16])), wh: tf.variable(tf.randomNormal([16, 16])), wy: tf.variable(tf.randomNormal([16, 8])) };
const optimizer = tf.train.adam(1e-3);
const step = (x, h) => tf.tanh(tf.add(tf.matMul(x, W.wx), tf.matMul(h, W.wh)));

function trainBook(chunks) {
  let carry = [new Array(16).fill(0)];
  for (const chunk of chunks) {
    optimizer.minimize(() => {
      let h = tf.tensor2d(carry);
      const losses = [];
      for (let t = 0; t < chunk.xs.length; t++) {
        h = step(chunk.xs[t], h);
        losses.push(tf.losses.softmaxCrossEntropy(chunk.ys[t], tf.matMul(h, W.wy)));
      }
      carry = h.arraySync();
      return tf.mean(tf.stack(losses));
    });
  }
}

module.exports = { trainBook };
