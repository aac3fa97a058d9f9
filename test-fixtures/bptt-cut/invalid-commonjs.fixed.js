// The same in CommonJS JavaScript: tf.grads, await h.array(), tf.valueAndGrads.
const tf = require('@tensorflow/tfjs');

const units = 10;
const W = tf.variable(tf.randomNormal([3, units], 0, 0.1));
const U = tf.variable(tf.randomNormal([units, units], 0, 0.1));
const V = tf.variable(tf.randomNormal([units, 1], 0, 0.1));
const step = (x, h, w, u) => tf.tanh(x.matMul(w).add(h.matMul(u)));

// tf.grads over the weights, but the unroll that produced h ran before, outside the function.
function weightGrads(xs, y) {
  let h = tf.zeros([1, units]);
  for (let t = 0; t < xs.length - 1; t++) {
    h = step(xs[t], h, W, U);
  }
  const g = tf.grads((w, u) => tf.losses.meanSquaredError(y, step(xs[xs.length - 1], h, w, u).matMul(V)));
//                                                                                   ~ bptt-cut
  return g([W, U]);
}

// The state crosses into the gradient function as a JS array.
async function gradsFor(xs, y) {
  let carried = [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]];
  for (const x of xs) {
    const h = step(x, tf.tensor2d(carried), W, U);
    carried = await h.array();
  }
  return tf.variableGrads(() => tf.losses.meanSquaredError(y, tf.tensor2d(carried).matMul(V)));
//                                                            ~~~~~~~~~~~~~~~~~~~~ bptt-cut
}

// tf.valueAndGrads with the unroll before it.
function valueAndGrads(xs, y) {
  let state = tf.zeros([1, units]);
  xs.forEach((x) => {
    state = step(x, state, W, U);
  });
  const f = tf.valueAndGrads((v) => tf.losses.meanSquaredError(y, state.matMul(v)));
//                                                                ~~~~~ bptt-cut
  return f([V]);
}

// The loss closure made by a factory (`tf.variableGrads(lossFor(xs, ys))`), rebuilding the state
// from a read-back at every step.
function lossFor(xs, ys) {
  return () => {
    let h = tf.zeros([1, units]);
    let total = tf.scalar(0);
    xs.forEach((x, t) => {
      const hNext = step(x, h, W, U);
      total = total.add(tf.losses.meanSquaredError(ys[t], hNext.matMul(V)));
      h = hNext;
//        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    });
    return total;
  };
}

function trainFactory(xs, ys, optimizer) {
  const { grads } = tf.variableGrads(lossFor(xs, ys));
  optimizer.applyGradients(grads);
}

module.exports = { weightGrads, gradsFor, valueAndGrads, trainFactory };
