// expect: returns-input-state
// Step tracer: wraps an LSTM step function to log gate norms and state snapshots for a debugging panel.
import * as tf from '@tensorflow/tfjs';

export function createLstm(inputSize, units, seed = 1) {
  const init = tf.initializers.orthogonal({ seed });
  const W = tf.variable(tf.randomNormal([inputSize, 4 * units], 0, 0.3, 'float32', seed));
  const U = tf.variable(init.apply([units, 4 * units]));
  const b = tf.variable(tf.zeros([4 * units]));

  function step(x, { h, c }) {
    const z = tf.addN([x.matMul(W), h.matMul(U), b.expandDims(0)]);
    const [zi, zf, zo, zg] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi);
    const f = tf.sigmoid(zf);
    const o = tf.sigmoid(zo);
    const g = tf.tanh(zg);
    const cNext = f.mul(c).add(i.mul(g));
    const hNext = o.mul(tf.tanh(cNext));
    return { h: hNext, c, gates: { i, f, o, g } };
  }

  return { step, units, variables: [W, U, b] };
}

export function traced(stepFn, log) {
  let tick = 0;
  return (x, state) => {
    const res = stepFn(x, state);
    const norm = (t) => t.norm().dataSync()[0];
    log.push({
      tick: tick++,
      hNorm: norm(res.h),
      cNorm: norm(res.c),
      gateMeans: Object.fromEntries(
        Object.entries(res.gates).map(([k, t]) => [k, t.mean().dataSync()[0]]),
      ),
    });
    return res;
  };
}

export function runTrace(lstm, sequence) {
  const log = [];
  const step = traced(lstm.step, log);
  tf.tidy(() => {
    let state = { h: tf.zeros([1, lstm.units]), c: tf.zeros([1, lstm.units]) };
    for (const frame of sequence) {
      const { h, c } = step(tf.tensor2d([frame]), state);
      state = { h, c };
    }
  });
  return log;
}

export function renderLog(pre, log) {
  const rows = log.map(({ tick, hNorm, cNorm, gateMeans }) =>
    [
      String(tick).padStart(3),
      hNorm.toFixed(4).padStart(8),
      cNorm.toFixed(4).padStart(8),
      ...['i', 'f', 'o', 'g'].map((k) => gateMeans[k].toFixed(3).padStart(7)),
    ].join(' '),
  );
  pre.textContent = ['  t    |h|      |c|       i       f       o       g', ...rows].join('\n');
}

if (typeof document !== 'undefined') {
  const lstm = createLstm(3, 8);
  const seq = Array.from({ length: 24 }, (_, t) => [Math.sin(t / 3), Math.cos(t / 5), t % 4 === 0 ? 1 : 0]);
  renderLog(document.querySelector('#trace'), runTrace(lstm, seq));
}
