// expect: none
// char-level LSTM language model trained with truncated BPTT (k = 8) over a handful of documents
import * as tf from '@tensorflow/tfjs';

const docs = [
  'the cat sat on the mat. the cat ate the rat.',
  'a rat sat on a hat. the hat was on the mat.',
  'the mat was red and the cat was fat.',
];
const chars = Array.from(new Set(docs.join(''))).sort();
const V = chars.length;
const H = 32;
const k_trunc = 8;
const stoi = new Map(chars.map((ch, i) => [ch, i] as [string, number]));

const W = tf.variable(tf.randomNormal([V, 4 * H], 0, 0.1), true, 'W');
const U = tf.variable(tf.randomNormal([H, 4 * H], 0, 0.1), true, 'U');
const b = tf.variable(tf.zeros([4 * H]), true, 'b');
const W_y = tf.variable(tf.randomNormal([H, V], 0, 0.1), true, 'W_y');
const b_y = tf.variable(tf.zeros([V]), true, 'b_y');

type state = { h: tf.Tensor2D; c: tf.Tensor2D };

function lstm(x: tf.Tensor2D, s: state): state {
  const z: tf.Tensor2D = tf.add(tf.add(tf.matMul(x, W), tf.matMul(s.h, U)), b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const c = tf.add(tf.mul(tf.sigmoid(zf), s.c), tf.mul(tf.sigmoid(zi), tf.tanh(zg))) as tf.Tensor2D;
  return { h: tf.mul(tf.sigmoid(zo), tf.tanh(c)), c };
}

const one_hot = (ids: number[]) => tf.oneHot(tf.tensor1d(ids, 'int32'), V).toFloat() as tf.Tensor2D;
const zero_state = (): state => ({ h: tf.zeros([1, H]), c: tf.zeros([1, H]) });

const opt = tf.train.adam(0.01);

function train_epoch(): number {
  let total = 0;
  let n = 0;
  for (const doc of docs) {
    const ids = Array.from(doc).map((ch) => stoi.get(ch)!);
    let carry = zero_state(); // new document -> fresh state
    for (let start = 0; start + 1 < ids.length; start += k_trunc) {
      const inp = ids.slice(start, Math.min(start + k_trunc, ids.length - 1));
      const tgt = ids.slice(start + 1, start + 1 + inp.length);
      let last: state | null = null;
      const { value, grads } = tf.variableGrads(() => {
        let s = carry;
        const losses: tf.Scalar[] = [];
        inp.forEach((id, t) => {
          s = lstm(one_hot([id]), s);
          losses.push(tf.losses.softmaxCrossEntropy(one_hot([tgt[t]]), tf.add(tf.matMul(s.h, W_y), b_y)));
        });
        last = { h: tf.keep(s.h), c: tf.keep(s.c) };
        return tf.div(tf.addN(losses), inp.length) as tf.Scalar;
      });
      opt.applyGradients(Object.keys(grads).map((name) => ({ name, tensor: grads[name] })));
      total += value.dataSync()[0];
      n++;
      tf.dispose([value, grads, carry.h, carry.c]);
      // truncated BPTT: the next chunk starts from the values of this chunk's final state, but
      // gradients are deliberately NOT propagated across the chunk boundary (copy = detach)
      const fin = last! as state;
      carry = { h: tf.tensor2d(fin.h.dataSync(), [1, H]), c: tf.tensor2d(fin.c.dataSync(), [1, H]) };
      tf.dispose([fin.h, fin.c]);
    }
    tf.dispose([carry.h, carry.c]);
  }
  return total / n;
}

for (let epoch = 0; epoch < 25; epoch++) {
  const loss = train_epoch();
  if (epoch % 5 === 0 || epoch === 24) console.log(`epoch ${epoch} mean chunk loss ${loss.toFixed(4)}`);
}

// numeric check: greedy continuation of "the c"
const sample = tf.tidy(() => {
  let s = zero_state();
  let out = 'the c';
  let logits: tf.Tensor2D = tf.zeros([1, V]);
  for (const ch of out) {
    s = lstm(one_hot([stoi.get(ch)!]), s);
    logits = tf.add(tf.matMul(s.h, W_y), b_y);
  }
  for (let i = 0; i < 12; i++) {
    const next = tf.argMax(logits, 1).dataSync()[0];
    out += chars[next];
    s = lstm(one_hot([next]), s);
    logits = tf.add(tf.matMul(s.h, W_y), b_y);
  }
  return out;
});
console.log('greedy sample:', JSON.stringify(sample), 'tensors:', tf.memory().numTensors);
