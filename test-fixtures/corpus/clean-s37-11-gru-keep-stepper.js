// expect: none
// Classroom widget: "tick" and "rewind" buttons drive a GRU cell one step at a time and keep a history of states for scrubbing.
import * as tf from '@tensorflow/tfjs';

const UNITS = 4;

function gru(inputSize, units, seed) {
  const u = (shape, s) => tf.randomUniform(shape, -0.5, 0.5, 'float32', s);
  const W = u([inputSize, 3 * units], seed);
  const U = u([units, 3 * units], seed + 1);
  return {
    step(x, h) {
      const [xz, xr, xn] = tf.split(x.matMul(W), 3, 1);
      const [hz, hr, hn] = tf.split(h.matMul(U), 3, 1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const n = tf.tanh(xn.add(r.mul(hn)));
      return z.mul(h).add(tf.sub(1, z).mul(n));
    },
  };
}

export class GruStepper {
  constructor(signal) {
    this.signal = signal;
    this.cell = gru(1, UNITS, 21);
    this.history = [tf.zeros([1, UNITS])];
  }

  get t() {
    return this.history.length - 1;
  }

  get current() {
    return this.history[this.history.length - 1];
  }

  tick() {
    if (this.t >= this.signal.length) return;
    const x = this.signal[this.t];
    tf.tidy(() => {
      const next = this.cell.step(tf.tensor2d([[x]]), this.current);
      this.history.push(tf.keep(next));
    });
  }

  rewind() {
    if (this.history.length > 1) this.history.pop().dispose();
  }

  snapshot() {
    return this.history.map((h) => Array.from(h.dataSync()));
  }

  dispose() {
    this.history.forEach((h) => h.dispose());
    this.history = [];
  }
}

export function attach(root, signal) {
  let stepper = new GruStepper(signal);
  const out = root.querySelector('.state');
  const show = () => {
    const rows = stepper.snapshot();
    out.textContent = rows.map((r, t) => `t=${t}: ${r.map((v) => v.toFixed(2)).join('  ')}`).join('\n');
  };
  root.querySelector('.tick').addEventListener('click', () => { stepper.tick(); show(); });
  root.querySelector('.rewind').addEventListener('click', () => { stepper.rewind(); show(); });
  root.querySelector('.restart').addEventListener('click', () => {
    stepper.dispose();
    stepper = new GruStepper(signal);
    show();
  });
  show();
}
