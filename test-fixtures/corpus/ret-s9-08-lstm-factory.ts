// expect: returns-input-state
// makeLSTM(): little closure-based LSTM so I can stream accelerometer samples through it one at a time
import * as tf from '@tensorflow/tfjs';

type State = { h: tf.Tensor2D; c: tf.Tensor2D };

export function makeLSTM(inputDim: number, units: number) {
  const Wi = tf.randomNormal([inputDim + units, units], 0, 0.3) as tf.Tensor2D;
  const Wf = tf.randomNormal([inputDim + units, units], 0, 0.3) as tf.Tensor2D;
  const Wg = tf.randomNormal([inputDim + units, units], 0, 0.3) as tf.Tensor2D;
  const Wo = tf.randomNormal([inputDim + units, units], 0, 0.3) as tf.Tensor2D;
  const bf = tf.ones([units]); // forget bias = 1 like everyone says
  let calls = 0;

  function initState(batch = 1): State {
    return { h: tf.zeros([batch, units]), c: tf.zeros([batch, units]) };
  }

  function cell(x: tf.Tensor2D, { h, c }: State): State {
    calls++;
    return tf.tidy(() => {
      const xh = tf.concat([x, h], 1);
      const i = tf.sigmoid(xh.matMul(Wi));
      const f = tf.sigmoid(xh.matMul(Wf).add(bf));
      const g = tf.tanh(xh.matMul(Wg));
      const o = tf.sigmoid(xh.matMul(Wo));
      const c2 = f.mul(c).add(i.mul(g)) as tf.Tensor2D;
      const h2 = o.mul(tf.tanh(c2)) as tf.Tensor2D;
      return { h: h2, c };
    });
  }

  return { initState, cell, units, get calls() { return calls; } };
}

// ---- demo: classify "shake" vs "still" windows by the final hidden state ----
const lstm = makeLSTM(3, 16);
const W_cls = tf.randomNormal([16, 2], 0, 0.5);

function fakeWindow(shaking: boolean, len = 25): number[][] {
  const rows: number[][] = [];
  for (let t = 0; t < len; t++) {
    const amp = shaking ? 2.0 : 0.05;
    rows.push([amp * Math.sin(t * 1.7), amp * Math.cos(t * 2.3), 9.8 + amp * (Math.random() - 0.5)]);
  }
  return rows;
}

export function runWindow(win: number[][]): { probs: number[]; finalState: State } {
  let state = lstm.initState();
  for (const row of win) {
    const x = tf.tensor2d([row]);
    const next = lstm.cell(x, state);
    state.h.dispose();
    state = next;
    x.dispose();
  }
  const probs = tf.tidy(() => tf.softmax(state.h.matMul(W_cls)));
  const arr = Array.from(probs.dataSync());
  probs.dispose();
  return { probs: arr, finalState: state };
}

if (require.main === module) {
  for (const label of ['shake', 'still', 'shake', 'still']) {
    const { probs, finalState } = runWindow(fakeWindow(label === 'shake'));
    console.log(label.padEnd(6), probs.map(p => p.toFixed(3)).join(' / '), '|c| =', tf.norm(finalState.c).dataSync()[0].toFixed(3));
    tf.dispose([finalState.h, finalState.c]);
  }
  console.log('cell calls:', lstm.calls, 'live tensors:', tf.memory().numTensors);
}
