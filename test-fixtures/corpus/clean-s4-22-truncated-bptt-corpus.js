// expect: none
// Char-level LM over long documents with deliberate truncated BPTT: each 64-step chunk is unrolled inside optimizer.minimize, the final state is tf.keep'd and carried into the next chunk of the same document, and every document restarts from a learned initial state.
import * as tf from '@tensorflow/tfjs';

const UNITS = 128;
const CHUNK = 64; // truncation length: gradients intentionally stop at chunk boundaries

export function createLM(vocab) {
  const g = (s) => tf.variable(tf.randomNormal(s, 0, 0.05));
  return {
    vocab,
    emb: g([vocab, 48]),
    W: g([48 + UNITS, UNITS]),
    b: tf.variable(tf.zeros([UNITS])),
    out: g([UNITS, vocab]),
    h0: tf.variable(tf.zeros([1, UNITS]), true, 'learned_h0'),
  };
}

function chunkLoss(lm, ids, hStart, onFinal) {
  let h = hStart;
  const losses = [];
  for (let t = 0; t < ids.length - 1; t++) {
    const x = tf.gather(lm.emb, [ids[t]]);
    h = tf.tanh(tf.concat([x, h], 1).matMul(lm.W).add(lm.b));
    const logits = h.matMul(lm.out);
    losses.push(tf.losses.softmaxCrossEntropy(tf.oneHot([ids[t + 1]], lm.vocab), logits));
  }
  onFinal(h);
  return tf.addN(losses).div(losses.length);
}

export async function trainEpoch(lm, documents, optimizer, log = () => {}) {
  const vars = [lm.emb, lm.W, lm.b, lm.out, lm.h0];
  let docIdx = 0;
  for (const doc of documents) {
    let carry = lm.h0;
    let sum = 0;
    let n = 0;
    for (let start = 0; start + 1 < doc.length; start += CHUNK) {
      const ids = doc.slice(start, start + CHUNK + 1);
      let finalState = null;
      const loss = optimizer.minimize(
        () => chunkLoss(lm, ids, carry, (h) => { finalState = tf.keep(h); }),
        true,
        vars,
      );
      if (carry !== lm.h0) carry.dispose();
      carry = finalState;
      sum += (await loss.data())[0];
      n += 1;
      loss.dispose();
    }
    if (carry !== lm.h0) carry.dispose();
    log(`doc ${docIdx++}: ${n} chunks, mean xent ${(sum / Math.max(n, 1)).toFixed(3)}`);
    await tf.nextFrame();
  }
}

export async function trainLM(documents, vocab, epochs = 3) {
  const lm = createLM(vocab);
  const optimizer = tf.train.adam(2e-3);
  for (let e = 0; e < epochs; e++) {
    await trainEpoch(lm, documents, optimizer, (m) => console.log(`[epoch ${e}] ${m}`));
  }
  return lm;
}
