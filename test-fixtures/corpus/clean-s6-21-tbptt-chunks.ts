// expect: none
// Trains a word-level language model on long novels in fixed windows, carrying the hidden vector from one window to the next within the same book.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 8000;
const EMB = 64;
const UNITS = 128;
const WINDOW = 35;

const emb = tf.variable(tf.randomNormal([VOCAB, EMB], 0, 0.05));
const Wx = tf.variable(tf.randomNormal([EMB, UNITS], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.05));
const bh = tf.variable(tf.zeros([UNITS]));
const Wy = tf.variable(tf.randomNormal([UNITS, VOCAB], 0, 0.05));
const by = tf.variable(tf.zeros([VOCAB]));
const optimizer = tf.train.adam(1e-3);

function step(tokenId: number, h: tf.Tensor2D): tf.Tensor2D {
  const x = tf.gather(emb, [tokenId]);
  return tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), bh));
}

function windowLoss(tokens: number[], h0: tf.Tensor2D): tf.Scalar {
  let h = h0;
  const losses: tf.Tensor[] = [];
  for (let t = 0; t + 1 < tokens.length; t++) {
    h = step(tokens[t], h);
    const logits = tf.add(tf.matMul(h, Wy), by);
    losses.push(tf.losses.softmaxCrossEntropy(tf.oneHot([tokens[t + 1]], VOCAB), logits));
  }
  return tf.mean(tf.stack(losses)) as tf.Scalar;
}

function advance(tokens: number[], h0: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    let h = h0;
    for (let t = 0; t + 1 < tokens.length; t++) h = step(tokens[t], h);
    return h;
  });
}

export async function trainOnBooks(books: number[][], epochs = 1): Promise<void> {
  for (let e = 0; e < epochs; e++) {
    for (const book of books) {
      // fresh state at the start of every book
      let carry: tf.Tensor2D = tf.zeros([1, UNITS]);
      for (let start = 0; start + 1 < book.length; start += WINDOW) {
        const tokens = book.slice(start, start + WINDOW + 1);
        const h0 = carry;
        const loss = optimizer.minimize(() => windowLoss(tokens, h0), true);

        // Truncated BPTT on purpose: the window's final state continues into the
        // next window of the same book, but gradients stop at the window boundary.
        carry = advance(tokens, h0);
        h0.dispose();

        if (start % (WINDOW * 50) === 0) {
          console.log(`epoch ${e} pos ${start}: ${(await loss!.data())[0].toFixed(3)}`);
        }
        loss!.dispose();
      }
      carry.dispose();
    }
  }
}
