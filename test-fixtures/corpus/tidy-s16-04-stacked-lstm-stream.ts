// expect: tidy-disposed-state
// streaming 2-layer LSTM next-symbol model for the live keystroke demo (weights copied from the notebook run)
import * as tf from '@tensorflow/tfjs';

interface lstm_layer { W: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D }
interface lstm_state { h: tf.Tensor2D; c: tf.Tensor2D }

const n_sym = 12;
const hid = [16, 16];

function lstm_cell(p: lstm_layer, x: tf.Tensor2D, s: lstm_state): lstm_state {
  const z: tf.Tensor2D = tf.add(tf.add(tf.matMul(x, p.W), tf.matMul(s.h, p.U)), p.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const i = tf.sigmoid(zi);
  const f = tf.sigmoid(tf.add(zf, 1.0)); // forget bias 1
  const g = tf.tanh(zg);
  const o = tf.sigmoid(zo);
  const c_new: tf.Tensor2D = tf.add(tf.mul(f, s.c), tf.mul(i, g));
  return { h: tf.mul(o, tf.tanh(c_new)), c: c_new };
}

class StackedLSTMStream {
  layers: lstm_layer[];
  W_out: tf.Tensor2D;
  states: lstm_state[];
  n_seen = 0;

  constructor(seed: number) {
    this.layers = hid.map((h, l) => {
      const d_in = l === 0 ? n_sym : hid[l - 1];
      return {
        W: tf.randomNormal([d_in, 4 * h], 0, 0.3, 'float32', seed + 3 * l) as tf.Tensor2D,
        U: tf.randomNormal([h, 4 * h], 0, 0.3, 'float32', seed + 3 * l + 1) as tf.Tensor2D,
        b: tf.zeros([4 * h]) as tf.Tensor1D,
      };
    });
    this.W_out = tf.randomNormal([hid[hid.length - 1], n_sym], 0, 0.3, 'float32', seed + 99) as tf.Tensor2D;
    this.states = this.zero_states();
  }

  zero_states(): lstm_state[] {
    return hid.map((h) => ({ h: tf.zeros([1, h]) as tf.Tensor2D, c: tf.zeros([1, h]) as tf.Tensor2D }));
  }

  reset(): void {
    this.states.forEach((s) => tf.dispose([s.h, s.c]));
    this.states = this.zero_states();
    this.n_seen = 0;
  }

  // feed one symbol, get the distribution over the next one
  push(sym: number): Float32Array {
    const probs = tf.tidy(() => {
      let inp = tf.oneHot(tf.tensor1d([sym], 'int32'), n_sym).toFloat() as tf.Tensor2D;
      for (let l = 0; l < this.layers.length; l++) {
        const next = lstm_cell(this.layers[l], inp, this.states[l]);
        this.states[l] = next;
        inp = next.h;
      }
      return tf.softmax(tf.matMul(inp, this.W_out));
    });
    this.n_seen++;
    const out = probs.dataSync() as Float32Array;
    probs.dispose();
    return out;
  }
}

function top_k(p: Float32Array, k: number): number[] {
  return Array.from(p.keys()).sort((a, b) => p[b] - p[a]).slice(0, k);
}

// experiment 1: stream a short keystroke log and show top-3 suggestions after each key
const model = new StackedLSTMStream(7);
const keystrokes = [3, 1, 4, 1, 5, 9, 2, 6];
for (const k of keystrokes) {
  const p = model.push(k);
  console.log(`key ${k} -> top3 ${top_k(p, 3).join(',')}  p_max=${Math.max(...p).toFixed(3)}`);
}

// experiment 2: entropy of the predictive distribution after a reset + replay
model.reset();
let ent = 0;
for (const k of keystrokes) {
  const p = model.push(k);
  ent = -p.reduce((acc, v) => acc + v * Math.log(v + 1e-9), 0);
}
console.log('entropy after replay', ent.toFixed(4), 'symbols seen', model.n_seen);
