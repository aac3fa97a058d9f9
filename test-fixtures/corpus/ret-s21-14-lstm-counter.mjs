// expect: returns-input-state
// LSTM from the colah blog equations, trained to count how many 1s appeared so far in a bit stream
import * as tf from '@tensorflow/tfjs';

const nH = 16;
const seqLen = 10;

const init = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 0.2));
const params = {
  Wf: init(1 + nH, nH), bf: tf.variable(tf.ones([nH])),
  Wi: init(1 + nH, nH), bi: tf.variable(tf.zeros([nH])),
  Wc: init(1 + nH, nH), bc: tf.variable(tf.zeros([nH])),
  Wo: init(1 + nH, nH), bo: tf.variable(tf.zeros([nH])),
  Wy: init(nH, 1), by: tf.variable(tf.zeros([1])),
};

function lstm_step(x_t, h_prev, c_prev) {
  const hx = tf.concat([h_prev, x_t], 1);
  const f_t = tf.sigmoid(hx.matMul(params.Wf).add(params.bf));
  const i_t = tf.sigmoid(hx.matMul(params.Wi).add(params.bi));
  const cTilde = tf.tanh(hx.matMul(params.Wc).add(params.bc));
  const c_t = f_t.mul(c_prev).add(i_t.mul(cTilde));
  const o_t = tf.sigmoid(hx.matMul(params.Wo).add(params.bo));
  const h_t = o_t.mul(tf.tanh(c_t));
  return [h_t, c_prev];
}

function forward(bits) {
  const B = bits.shape[0];
  let h = tf.zeros([B, nH]);
  let c = tf.zeros([B, nH]);
  const ys = [];
  const steps = tf.split(bits, seqLen, 1);
  steps.forEach((x) => {
    [h, c] = lstm_step(x, h, c);
    ys.push(h.matMul(params.Wy).add(params.by));
  });
  return tf.concat(ys, 1);
}

function data(n) {
  const X = [];
  const Y = [];
  for (let i = 0; i < n; i++) {
    let count = 0;
    const row = [];
    const target = [];
    for (let t = 0; t < seqLen; t++) {
      const b = Math.random() < 0.4 ? 1 : 0;
      count += b;
      row.push(b);
      target.push(count / seqLen); // scaled
    }
    X.push(row);
    Y.push(target);
  }
  return { X: tf.tensor2d(X), Y: tf.tensor2d(Y) };
}

async function main() {
  const opt = tf.train.adam(0.01);
  const { X, Y } = data(300);
  for (let epoch = 0; epoch < 120; epoch++) {
    const loss = opt.minimize(() => tf.losses.meanSquaredError(Y, forward(X)), true);
    if (epoch % 20 === 0) console.log('epoch ' + epoch + ' loss ' + loss.dataSync()[0].toFixed(5));
    loss.dispose();
  }
  const test = tf.tensor2d([[1, 1, 0, 1, 0, 0, 1, 1, 1, 0]]);
  const pred = forward(test).mul(seqLen).dataSync();
  console.log('bits  ', test.dataSync().join(' '));
  console.log('counts', Array.from(pred).map((v) => v.toFixed(1)).join(' '));
}

main();
