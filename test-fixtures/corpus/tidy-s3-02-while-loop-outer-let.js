// expect: tidy-disposed-state
// Sequence summarizer that steps an LSTM-style cell in a while loop, one tidy per timestep to bound memory; bug: `h` and `c` are reassigned inside tf.tidy but nothing is returned or kept, so the new state is disposed when each tidy ends.
const tf = require('@tensorflow/tfjs');

function lstmCell(kernel, bias, x, h, c) {
  const gates = tf.concat([x, h], 1).matMul(kernel).add(bias);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNext = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
  const hNext = o.sigmoid().mul(cNext.tanh());
  return [hNext, cNext];
}

function summarize(kernel, bias, series, units) {
  // series: Tensor3D [batch, time, features]
  const [batch, time] = series.shape;
  let h = tf.zeros([batch, units]);
  let c = tf.zeros([batch, units]);
  let t = 0;
  while (t < time) {
    tf.tidy(() => {
      const x = series.slice([0, t, 0], [batch, 1, -1]).squeeze([1]);
      [h, c] = lstmCell(kernel, bias, x, h, c);
    });
    t += 1;
  }
  return h;
}

module.exports = { lstmCell, summarize };
