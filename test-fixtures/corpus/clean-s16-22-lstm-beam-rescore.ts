// expect: none
// beam search over a hand-written LSTM LM, then re-scoring every beam with a full forward pass as a consistency check
import * as tf from '@tensorflow/tfjs';

const V = 9;
const E = 6;
const H = 10;
const BOS = 0;

const w = {
  emb: tf.randomNormal([V, E], 0, 1, 'float32', 5),
  W: tf.randomNormal([E, 4 * H], 0, 0.5, 'float32', 6),
  U: tf.randomNormal([H, 4 * H], 0, 0.5, 'float32', 7),
  b: tf.zeros([4 * H]),
  W_o: tf.randomNormal([H, V], 0, 1.2, 'float32', 8),
  b_o: tf.zeros([V]),
};

type lstm_state = [tf.Tensor2D, tf.Tensor2D]; // [h, c]

function lstm_step(tok: number, [h, c]: lstm_state): lstm_state {
  const x = tf.gather(w.emb, tf.tensor1d([tok], 'int32')) as tf.Tensor2D;
  const z: tf.Tensor2D = tf.add(tf.add(tf.matMul(x, w.W), tf.matMul(h, w.U)), w.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const i = tf.sigmoid(zi);
  const f = tf.sigmoid(zf);
  const g = tf.tanh(zg); // candidate
  const o = tf.sigmoid(zo);
  const c_new: tf.Tensor2D = tf.add(tf.mul(f, c), tf.mul(i, g));
  const h_new: tf.Tensor2D = tf.mul(o, tf.tanh(c_new));
  return [h_new, c_new];
}

const logits_of = (h: tf.Tensor2D) => tf.add(tf.matMul(h, w.W_o), w.b_o) as tf.Tensor2D;
const zero_state = (): lstm_state => [tf.zeros([1, H]), tf.zeros([1, H])];

interface hyp { toks: number[]; score: number; state: lstm_state; logp_next: Float32Array }

function expand(toks: number[], score: number, state: lstm_state): hyp {
  const [next_state, logp] = tf.tidy(() => {
    const s = lstm_step(toks[toks.length - 1], state);
    return [s, tf.logSoftmax(logits_of(s[0]))] as [lstm_state, tf.Tensor2D];
  });
  const logp_next = logp.dataSync() as Float32Array;
  logp.dispose();
  return { toks, score, state: next_state, logp_next };
}

function beam_search(width: number, len: number): hyp[] {
  let beams: hyp[] = [expand([BOS], 0, zero_state())];
  for (let t = 0; t < len; t++) {
    const cand: { parent: hyp; tok: number; score: number }[] = [];
    for (const b of beams) {
      for (let v = 1; v < V; v++) cand.push({ parent: b, tok: v, score: b.score + b.logp_next[v] });
    }
    cand.sort((a, b) => b.score - a.score);
    const next = cand.slice(0, width).map((c) => expand([...c.parent.toks, c.tok], c.score, c.parent.state));
    beams.forEach((b) => tf.dispose(b.state));
    beams = next;
  }
  return beams;
}

// independent scorer: run the whole sequence from a fresh state, softmax over the output layer, sum log p
function rescore(toks: number[]): number {
  return tf.tidy(() => {
    let s = zero_state();
    let total = 0;
    for (let t = 0; t + 1 < toks.length; t++) {
      s = lstm_step(toks[t], s);
      const p = tf.softmax(logits_of(s[0]));
      total += Math.log(p.dataSync()[toks[t + 1]]);
    }
    return total;
  });
}

const beams = beam_search(4, 5);
let worst = 0;
for (const b of beams) {
  const check = rescore(b.toks);
  worst = Math.max(worst, Math.abs(check - b.score));
  console.log(b.toks.join(' '), 'beam', b.score.toFixed(5), 'rescored', check.toFixed(5));
}
console.log('max |beam - rescored|', worst.toExponential(2));
beams.forEach((b) => tf.dispose(b.state));
console.log('tensors', tf.memory().numTensors);
