// expect: none
// CommonJS hand-written LSTM step and a for-loop that unrolls it over a batch of frames, feeding both h and the cell state c back each step.
const tf = require('@tensorflow/tfjs');

function createLstm(inputSize, units) {
  return {
    units,
    kernel: tf.variable(tf.randomUniform([inputSize, 4 * units], -0.1, 0.1)),
    recurrent: tf.variable(tf.randomUniform([units, 4 * units], -0.1, 0.1)),
    bias: tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])])),
  };
}

function lstmStep(p, x, hPrev, cPrev) {
  return tf.tidy(() => {
    const z = x.matMul(p.kernel).add(hPrev.matMul(p.recurrent)).add(p.bias);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi);
    const f = tf.sigmoid(zf);
    const g = tf.tanh(zg);
    const o = tf.sigmoid(zo);
    const c = f.mul(cPrev).add(i.mul(g));
    const h = o.mul(tf.tanh(c));
    return [h, c];
  });
}

function runLstm(p, frames) {
  const batch = frames[0].shape[0];
  let h = tf.zeros([batch, p.units]);
  let c = tf.zeros([batch, p.units]);
  const outputs = [];
  for (let t = 0; t < frames.length; t++) {
    const [hNext, cNext] = lstmStep(p, frames[t], h, c);
    outputs.push(hNext);
    if (t > 0) c.dispose();
    else tf.dispose([h, c]);
    h = hNext;
    c = cNext;
  }
  c.dispose();
  return { outputs, last: h };
}

module.exports = { createLstm, lstmStep, runLstm };
