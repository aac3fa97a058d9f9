// expect: state-leak
// Evaluates a Hindi-to-Latin transliteration model on a word list and reports exact-match accuracy and CER.
import * as tf from '@tensorflow/tfjs';

const SRC = ' कखगघचजटडतदनपबमयरलवशसहािीुूेैोौं्';
const TGT = ['<s>', '</s>', ...'abcdefghijklmnopqrstuvwxyz'];
const H = 20;

export function loadModel(seed = 1) {
  const r = (shape, s) => tf.randomNormal(shape, 0, 0.35, 'float32', seed + s);
  return {
    srcEmb: r([SRC.length, 10], 0),
    tgtEmb: r([TGT.length, 10], 1),
    encW: r([10 + H, H], 2),
    decW: r([10 + H, H], 3),
    outW: r([H, TGT.length], 4),
  };
}

const rnn = (W, x, h) => tf.tanh(tf.matMul(tf.concat([x, h], 1), W));

function levenshtein(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

export function evaluate(model, pairs, maxLen = 12) {
  let exact = 0;
  let edits = 0;
  let chars = 0;
  const predictions = [];
  let h = tf.zeros([1, H]);

  for (const [word, reference] of pairs) {
    for (const ch of word) {
      const x = tf.gather(model.srcEmb, [Math.max(0, SRC.indexOf(ch))]);
      const next = rnn(model.encW, x, h);
      tf.dispose([x, h]);
      h = next;
    }

    let dec = tf.clone(h);
    let token = 0;
    let guess = '';
    for (let t = 0; t < maxLen; t++) {
      const [next, id] = tf.tidy(() => {
        const hn = rnn(model.decW, tf.gather(model.tgtEmb, [token]), dec);
        return [hn, tf.argMax(tf.matMul(hn, model.outW), 1)];
      });
      token = id.dataSync()[0];
      tf.dispose([id, dec]);
      dec = next;
      if (token === 1) break;
      guess += TGT[token];
    }
    dec.dispose();

    predictions.push({ word, reference, guess });
    if (guess === reference) exact++;
    edits += levenshtein(guess, reference);
    chars += reference.length;
  }
  h.dispose();
  return { accuracy: exact / pairs.length, cer: edits / Math.max(1, chars), predictions };
}

export const TEST_PAIRS = [
  ['नमस्ते', 'namaste'],
  ['दिल्ली', 'dilli'],
  ['भारत', 'bharat'],
  ['नमस्ते', 'namaste'],
];

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  const report = evaluate(loadModel(), TEST_PAIRS);
  console.log(`accuracy=${report.accuracy.toFixed(2)} cer=${report.cer.toFixed(2)}`);
  for (const p of report.predictions) console.log(`${p.word} -> ${p.guess} (ref ${p.reference})`);
}
