// expect: none
// One-step char RNN built with the layers API (inputs [x, h] -> outputs [probs, h_new]) and driven by a JS loop.
const tf = require('@tensorflow/tfjs');

const text = 'abab abba baab abab abba baab ';
const chars = Array.from(new Set(text)).sort();
const V = chars.length;
const H = 24;

function buildStepModel() {
  const x_in = tf.input({ shape: [V], name: 'x' });
  const h_in = tf.input({ shape: [H], name: 'h_prev' });
  const concat = tf.layers.concatenate().apply([x_in, h_in]);
  // h_t = tanh(W [x_t; h_{t-1}] + b)
  const h_out = tf.layers.dense({ units: H, activation: 'tanh', name: 'rnn' }).apply(concat);
  // y_t = softmax(W_y h_t + b_y)
  const logits = tf.layers.dense({ units: V, name: 'logits' }).apply(h_out);
  const probs = tf.layers.activation({ activation: 'softmax', name: 'probs' }).apply(logits);
  return tf.model({ inputs: [x_in, h_in], outputs: [probs, h_out] });
}

const oneHot = (i) => tf.oneHot([i], V).toFloat();

function train(model, epochs = 40, seq_len = 10) {
  const ids = Array.from(text).map((c) => chars.indexOf(c));
  const optimizer = tf.train.adam(0.02);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const start = Math.floor(Math.random() * (ids.length - seq_len - 1));
    const loss = optimizer.minimize(() => {
      let h = tf.zeros([1, H]);
      let total = tf.scalar(0);
      for (let t = 0; t < seq_len; t++) {
        const [p, h_new] = model.apply([oneHot(ids[start + t]), h]);
        h = h_new;
        // categorical crossentropy on the softmax output
        total = total.sub(tf.log(p.add(1e-7)).mul(oneHot(ids[start + t + 1])).sum());
      }
      return total.div(seq_len);
    }, true);
    if (epoch % 10 === 0) console.log(`epoch ${epoch} loss ${loss.dataSync()[0].toFixed(4)}`);
    loss.dispose();
  }
}

function sample(model, seed, n) {
  let h = tf.zeros([1, H]);
  let x = oneHot(chars.indexOf(seed));
  let out = seed;
  for (let i = 0; i < n; i++) {
    const [p, h_new] = model.predict([x, h]);
    const ix = tf.tidy(() => tf.multinomial(tf.log(p), 1).dataSync()[0]);
    tf.dispose([x, h, p]);
    h = h_new;
    x = oneHot(ix);
    out += chars[ix];
  }
  tf.dispose([x, h]);
  return out;
}

module.exports = { buildStepModel, train, sample };

if (require.main === module) {
  const model = buildStepModel();
  train(model);
  console.log(sample(model, 'a', 30));
}
