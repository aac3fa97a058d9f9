// expect: bptt-cut
// Trains a vanilla RNN with the unroll inside optimizer.minimize, but clamps the state each step by reading it with dataSync() and rebuilding a tensor, which severs the gradient path through time.
const tf = require('@tensorflow/tfjs');

const H = 10;
const CLIP = 3;

function createModel(inDim) {
  return {
    Wxh: tf.variable(tf.randomNormal([inDim, H], 0, 0.2)),
    Whh: tf.variable(tf.randomNormal([H, H], 0, 0.2)),
    bh: tf.variable(tf.zeros([H])),
    Why: tf.variable(tf.randomNormal([H, 1], 0, 0.2)),
  };
}

/** keep the (relu) state bounded so long sequences do not blow up */
function clampState(h) {
  const shape = h.shape;
  const vals = h.dataSync().map((v) => Math.min(CLIP, Math.max(-CLIP, v)));
  return tf.tensor2d(vals, shape);
}

/**
 * @param {ReturnType<typeof createModel>} m
 * @param {tf.Tensor3D} xs [batch, time, inDim]
 */
function forward(m, xs) {
  const [batch, time] = xs.shape;
  let h = tf.zeros([batch, H]);
  for (let t = 0; t < time; t++) {
    const x = xs.slice([0, t, 0], [-1, 1, -1]).squeeze([1]);
    const pre = tf.matMul(x, m.Wxh).add(tf.matMul(h, m.Whh)).add(m.bh);
    h = clampState(tf.relu(pre));
  }
  return tf.matMul(h, m.Why);
}

/** copy task: output the first element of the sequence after `time` steps */
function makeBatch(batch, time) {
  return tf.tidy(() => {
    const xs = tf.randomUniform([batch, time, 1], -1, 1);
    const ys = xs.slice([0, 0, 0], [-1, 1, -1]).reshape([batch, 1]);
    return { xs, ys };
  });
}

async function train() {
  await tf.setBackend('cpu');
  const model = createModel(1);
  const opt = tf.train.rmsprop(0.005);
  for (let iter = 0; iter < 100; iter++) {
    const { xs, ys } = makeBatch(32, 6);
    const loss = opt.minimize(() => tf.losses.meanSquaredError(ys, forward(model, xs)), true);
    if (iter % 20 === 0) console.log(`iter ${iter}: ${loss.dataSync()[0].toFixed(4)}`);
    tf.dispose([xs, ys, loss]);
  }
  return model;
}

if (require.main === module) {
  train().then((m) => {
    const { xs, ys } = makeBatch(4, 6);
    const pred = forward(m, xs);
    console.log('targets', Array.from(ys.dataSync()).map((v) => v.toFixed(2)).join(' '));
    console.log('preds  ', Array.from(pred.dataSync()).map((v) => v.toFixed(2)).join(' '));
  });
}

module.exports = { createModel, forward, train };
