// expect: none
// bidirectional GRU tagger from the sequence-labelling notebook: hand-written cells, trained with tf.variableGrads
import * as tf from '@tensorflow/tfjs';

type gru_params = { W: tf.Variable; U: tf.Variable; b: tf.Variable };

const input_dim = 4;
const hidden_dim = 8;
const n_tags = 2;
const seq_len = 6;
const batch_size = 16;

function make_gru(name: string): gru_params {
  return {
    W: tf.variable(tf.randomNormal([input_dim, 3 * hidden_dim], 0, 0.3), true, `${name}_W`),
    U: tf.variable(tf.randomNormal([hidden_dim, 3 * hidden_dim], 0, 0.3), true, `${name}_U`),
    b: tf.variable(tf.zeros([3 * hidden_dim]), true, `${name}_b`),
  };
}

function gru_step(p: gru_params, x_t: tf.Tensor2D, h_prev: tf.Tensor2D): tf.Tensor2D {
  const xw: tf.Tensor2D = tf.add(tf.matMul(x_t, p.W), p.b);
  const hu: tf.Tensor2D = tf.matMul(h_prev, p.U);
  const [xz, xr, xn] = tf.split(xw, 3, 1);
  const [hz, hr, hn] = tf.split(hu, 3, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  // h_t = (1 - z) * n_t + z * h_{t-1}
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h_prev));
}

function run_direction(p: gru_params, xs: tf.Tensor2D[], reverse: boolean): tf.Tensor2D[] {
  const outs: tf.Tensor2D[] = new Array(xs.length);
  let h: tf.Tensor2D = tf.zeros([xs[0].shape[0], hidden_dim]);
  const order = xs.map((_, i) => i);
  if (reverse) order.reverse();
  for (const t of order) {
    h = gru_step(p, xs[t], h);
    outs[t] = h;
  }
  return outs;
}

const fwd = make_gru('fwd');
const bwd = make_gru('bwd');
const W_tag = tf.variable(tf.randomNormal([2 * hidden_dim, n_tags], 0, 0.3), true, 'W_tag');
const b_tag = tf.variable(tf.zeros([n_tags]), true, 'b_tag');

function tag_logits(x: tf.Tensor3D): tf.Tensor2D[] {
  const xs = tf.unstack(x, 1) as tf.Tensor2D[];
  const hf = run_direction(fwd, xs, false);
  const hb = run_direction(bwd, xs, true);
  return xs.map((_, t) => tf.add(tf.matMul(tf.concat([hf[t], hb[t]], 1), W_tag), b_tag) as tf.Tensor2D);
}

// tag at position t is 1 if the first feature is bigger somewhere later in the sequence than at t
function make_batch(): { x: tf.Tensor3D; y: tf.Tensor3D } {
  const x_arr: number[][][] = [];
  const y_arr: number[][][] = [];
  for (let b = 0; b < batch_size; b++) {
    const seq = Array.from({ length: seq_len }, () => Array.from({ length: input_dim }, () => Math.random() * 2 - 1));
    x_arr.push(seq);
    y_arr.push(seq.map((row, t) => {
      const later = seq.slice(t + 1).some((r) => r[0] > row[0]);
      return later ? [0, 1] : [1, 0];
    }));
  }
  return { x: tf.tensor3d(x_arr), y: tf.tensor3d(y_arr) };
}

const optimizer = tf.train.adam(0.02);

for (let step = 0; step < 60; step++) {
  const { x, y } = make_batch();
  const ys = tf.unstack(y, 1) as tf.Tensor2D[];
  const { value, grads } = tf.variableGrads(() => {
    const logits = tag_logits(x);
    const per_step = logits.map((l, t) => tf.losses.softmaxCrossEntropy(ys[t], l));
    return tf.div(tf.addN(per_step), seq_len) as tf.Scalar;
  });
  optimizer.applyGradients(Object.keys(grads).map((name) => ({ name, tensor: grads[name] })));
  if (step % 20 === 0) console.log(`step ${step} loss ${value.dataSync()[0].toFixed(4)}`);
  tf.dispose([x, y, ys, value, grads]);
}

// numeric check: perturbing the last step must change the tag at position 0 (backward direction)
tf.tidy(() => {
  const { x } = make_batch();
  const x2 = tf.concat([x.slice([0, 0, 0], [-1, seq_len - 1, -1]), tf.onesLike(x.slice([0, seq_len - 1, 0], [-1, 1, -1]))], 1);
  const diff = tf.sub(tag_logits(x)[0], tag_logits(x2)[0]).abs().max().dataSync()[0];
  console.log('max |delta logits[t=0]| after changing x[T-1]:', diff.toFixed(5));
});
console.log('live tensors:', tf.memory().numTensors);
