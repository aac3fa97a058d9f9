// expect: none
// Skip RNN (Campos et al., 2018): a tanh RNN with a learned binary update gate and a budget penalty on state updates.
const tf = require('@tensorflow/tfjs');

const IN = 2;
const UNITS = 64;
const CLASSES = 3;
const SEQ_LEN = 100;
const LAMBDA = 1e-4; // cost per state update

const v = (shape, s = 0.1) => tf.variable(tf.randomNormal(shape, 0, s));
const params = {
  Wx: v([IN, UNITS]),
  Wh: v([UNITS, UNITS], 1 / Math.sqrt(UNITS)),
  b: tf.variable(tf.zeros([UNITS])),
  wp: v([UNITS, 1]),
  bp: tf.variable(tf.fill([1], 1.0)),
  Wo: v([UNITS, CLASSES]),
  bo: tf.variable(tf.zeros([CLASSES])),
};

// round() forward, identity backward (straight-through estimator)
const binarize = tf.customGrad((x, save) => ({ value: tf.round(x), gradFunc: (dy) => dy }));

// state = { h, uProb }: hidden vector and the accumulated update probability ũ_t
function skipStep(x, { h, uProb }) {
  const u = binarize(uProb); // [B, 1] in {0, 1}
  const hCand = tf.tanh(tf.add(tf.add(tf.matMul(x, params.Wx), tf.matMul(h, params.Wh)), params.b));
  // s_t = u_t · S(s_{t-1}, x_t) + (1 - u_t) · s_{t-1}
  const hNew = tf.add(tf.mul(u, hCand), tf.mul(tf.sub(1, u), h));
  const delta = tf.sigmoid(tf.add(tf.matMul(hNew, params.wp), params.bp));
  // ũ_{t+1} = u_t · Δũ_t + (1 - u_t) · (ũ_t + min(Δũ_t, 1 - ũ_t))
  const uNext = tf.add(
    tf.mul(u, delta),
    tf.mul(tf.sub(1, u), tf.add(uProb, tf.minimum(delta, tf.sub(1, uProb)))),
  );
  return { state: { h: hNew, uProb: uNext }, u };
}

function forward(xs) {
  const [B, T] = xs.shape;
  let state = { h: tf.zeros([B, UNITS]), uProb: tf.ones([B, 1]) };
  const updates = [];
  for (let t = 0; t < T; t++) {
    const xt = xs.slice([0, t, 0], [B, 1, IN]).reshape([B, IN]);
    const res = skipStep(xt, state);
    state = res.state;
    updates.push(res.u);
  }
  const logits = tf.add(tf.matMul(state.h, params.Wo), params.bo);
  const updatesPerSeq = tf.mean(tf.sum(tf.concat(updates, 1), 1));
  return { logits, updatesPerSeq };
}

// Frequency discrimination: class k is a sine with period 10 * (k + 1), random phase, plus noise.
function makeBatch(n) {
  const xb = tf.buffer([n, SEQ_LEN, IN]);
  const labels = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(Math.random() * CLASSES);
    const phase = Math.random() * 2 * Math.PI;
    labels.push(k);
    for (let t = 0; t < SEQ_LEN; t++) {
      xb.set(Math.sin((2 * Math.PI * t) / (10 * (k + 1)) + phase) + 0.1 * (Math.random() - 0.5), i, t, 0);
      xb.set(t / SEQ_LEN, i, t, 1);
    }
  }
  return { xs: xb.toTensor(), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES) };
}

async function main() {
  const optimizer = tf.train.adam(1e-3);
  for (let it = 1; it <= 800; it++) {
    const { xs, ys } = makeBatch(32);
    const loss = optimizer.minimize(() => {
      const { logits, updatesPerSeq } = forward(xs);
      return tf.add(tf.losses.softmaxCrossEntropy(ys, logits), tf.mul(LAMBDA, updatesPerSeq));
    }, true);
    if (it % 100 === 0) {
      const { xs: vx, ys: vy } = makeBatch(256);
      const [acc, frac] = tf.tidy(() => {
        const { logits, updatesPerSeq } = forward(vx);
        const hit = tf.equal(tf.argMax(logits, 1), tf.argMax(vy, 1));
        return [tf.mean(tf.cast(hit, 'float32')), tf.div(updatesPerSeq, SEQ_LEN)];
      });
      console.log(`it ${it} loss ${(await loss.data())[0].toFixed(4)} acc ${(await acc.data())[0].toFixed(3)} ` +
        `updates used ${((await frac.data())[0] * 100).toFixed(1)}%`);
      tf.dispose([vx, vy, acc, frac]);
    }
    tf.dispose([xs, ys, loss]);
  }
}

main();
