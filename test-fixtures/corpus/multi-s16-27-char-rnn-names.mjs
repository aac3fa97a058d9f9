// expect: state-leak, bptt-cut
// char-level RNN over first names: exp 1 trains with optimizer.minimize and records state traces, exp 2 scores held-out names
import * as tf from '@tensorflow/tfjs';

const train_names = ['anna', 'emma', 'olivia', 'ava', 'mia', 'ella', 'lena', 'nora', 'lily', 'leo', 'liam', 'noah', 'oliver', 'elias', 'milan'];
const held_out = ['emil', 'lina', 'nola', 'mila'];
const chars = ['.', ...'abcdefghijklmnopqrstuvwxyz'];
const V = chars.length;
const H = 32;

const W = tf.variable(tf.randomNormal([V, H], 0, 0.2), true, 'W');
const U = tf.variable(tf.randomNormal([H, H], 0, 0.2), true, 'U');
const b = tf.variable(tf.zeros([H]), true, 'b');
const Wy = tf.variable(tf.randomNormal([H, V], 0, 0.2), true, 'Wy');
const by = tf.variable(tf.zeros([V]), true, 'by');

const ids = (name) => [0, ...Array.from(name).map((ch) => chars.indexOf(ch)), 0]; // '.' marks start and end
const one_hot = (i) => tf.oneHot(tf.tensor1d([i], 'int32'), V).toFloat();

function rnn_step(x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), b));
}

const traces = []; // hidden-state trajectories for the PCA plot in the notebook

function name_loss(name) {
  const seq = ids(name);
  let h = tf.zeros([1, H]);
  const losses = [];
  const trace = [];
  for (let t = 0; t + 1 < seq.length; t++) {
    const h_t = rnn_step(one_hot(seq[t]), h);
    losses.push(tf.losses.softmaxCrossEntropy(one_hot(seq[t + 1]), tf.add(tf.matMul(h_t, Wy), by)));
    const snap = h_t.dataSync();
    trace.push(Array.from(snap));
    h = tf.tensor2d(snap, h_t.shape);
  }
  traces.push(trace);
  return tf.div(tf.addN(losses), losses.length);
}

// experiment 1: SGD over names
const opt = tf.train.adam(0.01);
for (let epoch = 0; epoch < 60; epoch++) {
  let total = 0;
  for (const name of train_names) {
    const cost = opt.minimize(() => name_loss(name), true);
    total += cost.dataSync()[0];
    cost.dispose();
  }
  traces.length = 0;
  if (epoch % 20 === 0 || epoch === 59) console.log(`epoch ${epoch} mean nll/char ${(total / train_names.length).toFixed(4)}`);
}

// experiment 2: per-name negative log-likelihood on held-out names
function score_names(names) {
  const scores = {};
  let h = tf.zeros([1, H]);
  for (const name of names) {
    const seq = ids(name);
    let nll = 0;
    for (let t = 0; t + 1 < seq.length; t++) {
      const next = tf.tidy(() => {
        const h_t = rnn_step(one_hot(seq[t]), h);
        const logp = tf.logSoftmax(tf.add(tf.matMul(h_t, Wy), by));
        return { h_t, lp: logp.dataSync()[seq[t + 1]] };
      });
      h.dispose();
      h = next.h_t;
      nll -= next.lp;
    }
    scores[name] = +(nll / (seq.length - 1)).toFixed(4);
  }
  h.dispose();
  return scores;
}

console.log('held-out nll/char', score_names(held_out));
console.log('train nll/char (first 4)', score_names(train_names.slice(0, 4)));
console.log('tensors', tf.memory().numTensors);
