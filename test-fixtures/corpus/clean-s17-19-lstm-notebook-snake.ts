// expect: none
// Transcribed from my research notebook: LSTM from scratch on a toy copy task, cell by cell.
import * as tf from '@tensorflow/tfjs';

// %% params
const n_in = 3;
const n_hid = 8;

export const W_i = tf.variable(tf.randomNormal([n_in + n_hid, n_hid], 0, 0.2, 'float32', 91));
export const W_f = tf.variable(tf.randomNormal([n_in + n_hid, n_hid], 0, 0.2, 'float32', 92));
export const W_o = tf.variable(tf.randomNormal([n_in + n_hid, n_hid], 0, 0.2, 'float32', 93));
export const W_g = tf.variable(tf.randomNormal([n_in + n_hid, n_hid], 0, 0.2, 'float32', 94));
export const b_f = tf.variable(tf.ones([n_hid]));
export const W_out = tf.variable(tf.randomNormal([n_hid, n_in], 0, 0.2, 'float32', 95));

// %% cell
export function lstm_cell(x_t: tf.Tensor2D, h_prev: tf.Tensor2D, c_prev: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const xh = tf.concat([x_t, h_prev], 1);
  const i_t = tf.sigmoid(tf.matMul(xh, W_i));
  const f_t = tf.sigmoid(tf.matMul(xh, W_f).add(b_f));
  const o_t = tf.sigmoid(tf.matMul(xh, W_o));
  const g_t = tf.tanh(tf.matMul(xh, W_g));
  const c_t = f_t.mul(c_prev).add(i_t.mul(g_t)) as tf.Tensor2D;
  const h_t = o_t.mul(tf.tanh(c_t)) as tf.Tensor2D;
  return [h_t, c_t];
}

// %% unroll
export function run_lstm(x_seq: tf.Tensor3D): tf.Tensor3D {
  const [batch_size, seq_len] = x_seq.shape;
  let h_t: tf.Tensor2D = tf.zeros([batch_size, n_hid]);
  let c_t: tf.Tensor2D = tf.zeros([batch_size, n_hid]);
  const logits_seq: tf.Tensor2D[] = [];
  for (let t = 0; t < seq_len; t++) {
    const x_t = x_seq.slice([0, t, 0], [batch_size, 1, n_in]).reshape([batch_size, n_in]) as tf.Tensor2D;
    [h_t, c_t] = lstm_cell(x_t, h_t, c_t);
    logits_seq.push(tf.matMul(h_t, W_out) as tf.Tensor2D);
  }
  return tf.stack(logits_seq, 1) as tf.Tensor3D;
}

// %% data: predict the input from two steps earlier
export function make_copy_batch(batch_size: number, seq_len: number, seed: number) {
  return tf.tidy(() => {
    const ids = tf.randomUniform([batch_size, seq_len], 0, n_in, 'int32', seed);
    const x_seq = tf.oneHot(ids, n_in).toFloat() as tf.Tensor3D;
    const shifted = tf.pad(x_seq, [[0, 0], [2, 0], [0, 0]]).slice([0, 0, 0], [batch_size, seq_len, n_in]);
    return { x_seq, y_seq: shifted as tf.Tensor3D };
  });
}

// %% train
export function train_notebook(n_iters = 40): number[] {
  const opt = tf.train.adam(0.05);
  const loss_hist: number[] = [];
  for (let it = 0; it < n_iters; it++) {
    const { x_seq, y_seq } = make_copy_batch(16, 8, it);
    const loss = opt.minimize(() => {
      const logits = run_lstm(x_seq);
      return tf.losses.softmaxCrossEntropy(y_seq.slice([0, 2, 0], [-1, -1, -1]), logits.slice([0, 2, 0], [-1, -1, -1])) as tf.Scalar;
    }, true);
    loss_hist.push(loss!.dataSync()[0]);
    tf.dispose([x_seq, y_seq, loss!]);
  }
  return loss_hist;
}
