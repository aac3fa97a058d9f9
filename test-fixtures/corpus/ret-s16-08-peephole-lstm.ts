// expect: returns-input-state
// peephole LSTM vs plain LSTM on a running-count task (Gers & Schmidhuber style), two experiments, one file
import * as tf from '@tensorflow/tfjs';

const T = 12;
const H = 16;
const batch = 32;

interface lstm_state { h: tf.Tensor2D; c: tf.Tensor2D }
interface peep_params {
  W: tf.Variable; U: tf.Variable; b: tf.Variable;
  p_i: tf.Variable; p_f: tf.Variable; p_o: tf.Variable;
  w_y: tf.Variable; b_y: tf.Variable;
}

function init_params(tag: string): peep_params {
  const v = (shape: number[], std: number, name: string) =>
    tf.variable(std > 0 ? tf.randomNormal(shape, 0, std) : tf.zeros(shape), true, `${tag}_${name}`);
  return {
    W: v([1, 4 * H], 0.3, 'W'), U: v([H, 4 * H], 0.2, 'U'), b: v([4 * H], 0, 'b'),
    p_i: v([H], 0.1, 'p_i'), p_f: v([H], 0.1, 'p_f'), p_o: v([H], 0.1, 'p_o'),
    w_y: v([H, 1], 0.2, 'w_y'), b_y: v([1], 0, 'b_y'),
  };
}

function peephole_lstm(p: peep_params, x: tf.Tensor2D, s: lstm_state, use_peep: boolean): lstm_state {
  const { h, c } = s;
  const z: tf.Tensor2D = tf.add(tf.add(tf.matMul(x, p.W), tf.matMul(h, p.U)), p.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const peep = (w: tf.Tensor, cell: tf.Tensor) => (use_peep ? tf.mul(w, cell) : tf.zerosLike(cell));
  const i = tf.sigmoid(tf.add(zi, peep(p.p_i, c)));
  const f = tf.sigmoid(tf.add(tf.add(zf, peep(p.p_f, c)), 1));
  const c_next: tf.Tensor2D = tf.add(tf.mul(f, c), tf.mul(i, tf.tanh(zg)));
  const o = tf.sigmoid(tf.add(zo, peep(p.p_o, c_next)));
  const h_next: tf.Tensor2D = tf.mul(o, tf.tanh(c_next));
  return { h: h_next, c };
}

function run(p: peep_params, xs: tf.Tensor2D[], use_peep: boolean): tf.Tensor2D[] {
  let s: lstm_state = { h: tf.zeros([xs[0].shape[0], H]), c: tf.zeros([xs[0].shape[0], H]) };
  return xs.map((x_t) => {
    s = peephole_lstm(p, x_t, s, use_peep);
    return tf.add(tf.matMul(s.h, p.w_y), p.b_y) as tf.Tensor2D;
  });
}

// target at step t = (number of ones seen so far) / T
function count_batch() {
  const bits = Array.from({ length: batch }, () => Array.from({ length: T }, () => (Math.random() < 0.5 ? 1 : 0) as number));
  const xs = Array.from({ length: T }, (_, t) => tf.tensor2d(bits.map((r) => [r[t]])));
  const ys = Array.from({ length: T }, (_, t) =>
    tf.tensor2d(bits.map((r) => [r.slice(0, t + 1).reduce((a, v) => a + v, 0) / T])));
  return { xs, ys };
}

function experiment(use_peep: boolean, n_iter: number): number {
  const p = init_params(use_peep ? 'peep' : 'plain');
  const opt = tf.train.rmsprop(0.005);
  const var_list = Object.values(p) as tf.Variable[];
  for (let it = 0; it < n_iter; it++) {
    const { xs, ys } = count_batch();
    opt.minimize(() => {
      const preds = run(p, xs, use_peep);
      return tf.div(tf.addN(preds.map((pr, t) => tf.losses.meanSquaredError(ys[t], pr))), T) as tf.Scalar;
    }, false, var_list);
    tf.dispose([xs, ys]);
  }
  return tf.tidy(() => {
    const { xs, ys } = count_batch();
    const preds = run(p, xs, use_peep);
    // mean absolute error in "number of ones" units at the last step
    return tf.mean(tf.abs(tf.sub(preds[T - 1], ys[T - 1]))).mul(T).dataSync()[0];
  });
}

const mae_plain = experiment(false, 150);
const mae_peep = experiment(true, 150);
console.log(`final-step count MAE  plain ${mae_plain.toFixed(3)}  peephole ${mae_peep.toFixed(3)}`);
console.log('tensors in memory:', tf.memory().numTensors);
