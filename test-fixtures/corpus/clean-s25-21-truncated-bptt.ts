// expect: none
// Pre-trains the chatbot's character decoder on a long dialogue transcript with truncated BPTT (chunks of 12 chars).
import * as tf from '@tensorflow/tfjs';

const TRANSCRIPT =
  'user: hi there\nbot: hello, how can i help?\nuser: my order is late\nbot: sorry, let me check that for you.\n' +
  'user: thanks\nbot: it ships today.\nuser: great, bye\nbot: bye, have a nice day!\n';
const CHARS = Array.from(new Set(TRANSCRIPT)).sort();
const V = CHARS.length;
const H = 32;
const CHUNK = 12;

const W = tf.variable(tf.randomNormal([V + H, 4 * H], 0, 0.1, 'float32', 1));
const B = tf.variable(tf.zeros([4 * H]));
const Wy = tf.variable(tf.randomNormal([H, V], 0, 0.1, 'float32', 2));
const By = tf.variable(tf.zeros([V]));

type State = { h: tf.Tensor2D; c: tf.Tensor2D };

function cell(x: tf.Tensor2D, s: State): State {
  const z = tf.add(tf.matMul(tf.concat([x, s.h], 1), W as tf.Tensor2D), B);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const c = tf.add(tf.mul(tf.sigmoid(f), s.c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
  return { h: tf.mul(tf.sigmoid(o), tf.tanh(c)) as tf.Tensor2D, c };
}

const ids = [...TRANSCRIPT].map((ch) => CHARS.indexOf(ch));
const onehot = (id: number) => tf.oneHot([id], V).toFloat() as tf.Tensor2D;

// Truncated BPTT: each chunk backpropagates only through its own 12 steps. The state handed to
// the next chunk is copied out as plain values, so it carries context forward but no gradient.
const detach = (t: tf.Tensor2D) => tf.tensor2d(t.dataSync(), t.shape as [number, number]);

export function trainEpoch(optimizer: tf.Optimizer): number {
  let carried: State = { h: tf.zeros([1, H]), c: tf.zeros([1, H]) }; // new pass over the text, fresh state
  let total = 0;
  let chunks = 0;
  for (let start = 0; start + 1 < ids.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, ids.length - 1);
    let last: State | null = null;
    const loss = optimizer.minimize(() => {
      let s = carried;
      const terms: tf.Scalar[] = [];
      for (let t = start; t < end; t++) {
        s = cell(onehot(ids[t]), s);
        const logits = tf.add(tf.matMul(s.h, Wy as tf.Tensor2D), By);
        terms.push(tf.losses.softmaxCrossEntropy(onehot(ids[t + 1]), logits) as tf.Scalar);
      }
      last = { h: tf.keep(s.h), c: tf.keep(s.c) };
      return tf.div(tf.addN(terms), terms.length) as tf.Scalar;
    }, true);
    const finished = last as State | null;
    if (finished === null) throw new Error('chunk produced no state');
    tf.dispose([carried.h, carried.c]);
    carried = { h: detach(finished.h), c: detach(finished.c) };
    tf.dispose([finished.h, finished.c]);
    total += loss!.dataSync()[0];
    loss!.dispose();
    chunks++;
  }
  tf.dispose([carried.h, carried.c]);
  return total / chunks;
}

export function train(epochs = 8): number[] {
  const optimizer = tf.train.adam(0.02);
  const history: number[] = [];
  for (let e = 0; e < epochs; e++) history.push(trainEpoch(optimizer));
  return history;
}

if (require.main === module) {
  const history = train();
  console.log('loss per epoch:', history.map((l) => l.toFixed(3)).join(', '));
}
