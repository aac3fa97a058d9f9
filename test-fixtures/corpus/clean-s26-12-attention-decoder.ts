// expect: none
// Notebook cells: toy dot-product attention decoder that greedily decodes tokens from one fixed source encoding.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: sizes ---
const SRC_LEN = 6;
const H = 8;
const VOCAB = 10;
const START = 0;
const END = 1;

// --- cell 2: encoder output for one source sentence, plus its padding mask ---
const encOut = tf.randomNormal([SRC_LEN, H], 0, 1, 'float32', 5);
const srcMask = tf.tensor1d([1, 1, 1, 1, 0, 0]);

// --- cell 3: decoder factory ---
type StepOut = { h: tf.Tensor; logits: tf.Tensor; attn: tf.Tensor };
type StepFn = (token: number, h: tf.Tensor, memory: tf.Tensor, mask: tf.Tensor) => StepOut;

function makeDecoder(seed: number): StepFn {
  const emb = tf.randomNormal([VOCAB, H], 0, 0.5, 'float32', seed);
  const Wx = tf.randomNormal([H, H], 0, 0.4, 'float32', seed + 1);
  const Wh = tf.randomNormal([H, H], 0, 0.4, 'float32', seed + 2);
  const Wc = tf.randomNormal([2 * H, H], 0, 0.4, 'float32', seed + 3);
  const Wo = tf.randomNormal([H, VOCAB], 0, 0.6, 'float32', seed + 4);
  return (token, h, memory, mask) =>
    tf.tidy(() => {
      const x = tf.gather(emb, [token]);
      const hNew = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)));
      const scores = tf.matMul(hNew, memory, false, true).reshape([SRC_LEN]);
      const attn = tf.softmax(scores.add(tf.sub(1, mask).mul(-1e9)));
      const context = tf.matMul(attn.reshape([1, SRC_LEN]), memory);
      const attnHidden = tf.tanh(tf.matMul(tf.concat([hNew, context], 1), Wc));
      const logits = tf.matMul(attnHidden, Wo);
      return { h: hNew, logits, attn };
    });
}

// --- cell 4: initial decoder state = mean of the non-padded encoder outputs ---
function initState(memory: tf.Tensor, mask: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.matMul(mask.reshape([1, SRC_LEN]), memory).div(mask.sum()));
}

// --- cell 5: greedy decoding as a generator ---
function* greedy(step: StepFn, maxLen: number) {
  let h = initState(encOut, srcMask);
  let token = START;
  for (let i = 0; i < maxLen; i++) {
    const out = step(token, h, encOut, srcMask);
    h.dispose();
    h = out.h;
    token = out.logits.argMax(1).dataSync()[0];
    const p = tf.tidy(() => tf.softmax(out.logits).max().dataSync()[0]);
    const peak = out.attn.argMax().dataSync()[0];
    tf.dispose([out.logits, out.attn]);
    yield { i, token, p: +p.toFixed(3), attendsTo: peak };
    if (token === END) break;
  }
  h.dispose();
}

// --- cell 6: run two decoders with different seeds ---
for (const seed of [100, 200]) {
  const decode = makeDecoder(seed);
  console.log('decoder seed', seed);
  console.table(Array.from(greedy(decode, 8)));
}
console.log('tensors alive:', tf.memory().numTensors);
