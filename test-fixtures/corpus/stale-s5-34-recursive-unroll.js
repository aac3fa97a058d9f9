// expect: stale-state
// Recursive unroll of an Elman RNN over a linked list of tokens; the recursive call passes the incoming `h` instead of `hNext`, so every token is processed from the initial state.
const tf = require('@tensorflow/tfjs');

/**
 * @typedef {{ id: number, next: TokenNode | null }} TokenNode
 */

/** @param {number[]} ids @returns {TokenNode | null} */
function toList(ids) {
  let head = null;
  for (let i = ids.length - 1; i >= 0; i--) head = { id: ids[i], next: head };
  return head;
}

function createRnn(vocab, emb, units) {
  return {
    E: tf.variable(tf.randomNormal([vocab, emb], 0, 0.1)),
    Wx: tf.variable(tf.randomNormal([emb, units], 0, 0.2)),
    Wh: tf.variable(tf.randomNormal([units, units], 0, 0.2)),
    b: tf.variable(tf.zeros([units])),
    units,
  };
}

/**
 * @param {ReturnType<typeof createRnn>} rnn
 * @param {TokenNode | null} node
 * @param {tf.Tensor2D} h
 * @param {tf.Tensor2D[]} acc
 * @returns {tf.Tensor2D[]}
 */
function unroll(rnn, node, h, acc = []) {
  if (node === null) return acc;
  const x = tf.gather(rnn.E, [node.id]);
  const hNext = tf.tanh(tf.matMul(x, rnn.Wx).add(tf.matMul(h, rnn.Wh)).add(rnn.b));
  acc.push(hNext);
  return unroll(rnn, node.next, h, acc);
}

/** Mean-pooled sentence vector over all hidden states. */
function sentenceVector(rnn, ids) {
  const states = unroll(rnn, toList(ids), tf.zeros([1, rnn.units]));
  return tf.mean(tf.concat(states, 0), 0, true);
}

async function trainPairs(pairs, vocab, epochs = 20) {
  await tf.setBackend('cpu');
  const rnn = createRnn(vocab, 12, 16);
  const opt = tf.train.adam(0.01);
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    for (const { a, b, same } of pairs) {
      const target = tf.scalar(same ? 1 : 0);
      const loss = opt.minimize(() => {
        const va = sentenceVector(rnn, a);
        const vb = sentenceVector(rnn, b);
        const cos = tf.sum(tf.mul(va, vb)).div(tf.norm(va).mul(tf.norm(vb)).add(1e-6));
        return tf.square(tf.sub(cos, target));
      }, true);
      total += loss.dataSync()[0];
      tf.dispose([loss, target]);
    }
    if (e % 5 === 0) console.log(`epoch ${e}: ${(total / pairs.length).toFixed(4)}`);
  }
  return rnn;
}

if (require.main === module) {
  trainPairs(
    [
      { a: [1, 2, 3], b: [3, 2, 1], same: false },
      { a: [4, 5, 6, 7], b: [4, 5, 6, 7], same: true },
      { a: [1, 1, 2], b: [7, 8], same: false },
    ],
    10,
    10,
  ).then(() => console.log('trained'));
}

module.exports = { unroll, sentenceVector, trainPairs };
