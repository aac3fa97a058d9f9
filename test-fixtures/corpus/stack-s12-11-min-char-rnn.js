// expect: stacked-activation
// Karpathy's min-char-rnn.py ported to tfjs (loss, sampling, adagrad), keeping the original variable names.
const tf = require('@tensorflow/tfjs');

const data = 'hello karpathy, hello min char rnn, hello world. ';
const chars = [...new Set(data)];
const vocab_size = chars.length;
const char_to_ix = Object.fromEntries(chars.map((ch, i) => [ch, i]));

// hyperparameters
const hidden_size = 20;
const seq_length = 10;
const learning_rate = 0.1;

// model parameters
const Wxh = tf.variable(tf.randomNormal([vocab_size, hidden_size]).mul(0.01));
const Whh = tf.variable(tf.randomNormal([hidden_size, hidden_size]).mul(0.01));
const Why = tf.variable(tf.randomNormal([hidden_size, vocab_size]).mul(0.01));
const bh = tf.variable(tf.zeros([1, hidden_size]));
const by = tf.variable(tf.zeros([1, vocab_size]));

function rnnStep(x, hprev) {
  // hs[t] = np.tanh(np.dot(Wxh, xs[t]) + np.dot(Whh, hs[t-1]) + bh)
  const hs = tf.tanh(tf.matMul(x, Wxh).add(tf.matMul(tf.tanh(hprev), Whh)).add(bh));
  // ys[t] = np.dot(Why, hs[t]) + by
  const ys = tf.matMul(hs, Why).add(by);
  return [ys, hs];
}

function oneHot(ix) {
  return tf.oneHot(tf.tensor1d([ix], 'int32'), vocab_size).toFloat();
}

// inputs,targets are both list of integers. hprev is Hx1 array of initial hidden state
// returns the loss and last hidden state
function lossFun(inputs, targets, hprev) {
  let hs = hprev;
  let loss = tf.scalar(0);
  for (let t = 0; t < inputs.length; t++) {
    const [ys, h] = rnnStep(oneHot(inputs[t]), hs);
    hs = h;
    // softmax (cross-entropy loss)
    const ps = tf.softmax(ys);
    loss = loss.sub(tf.log(ps.gather([targets[t]], 1)).sum());
  }
  return { loss, hs };
}

// sample a sequence of integers from the model, h is memory state, seed_ix is seed letter for first time step
function sample(h, seed_ix, n) {
  return tf.tidy(() => {
    let x = oneHot(seed_ix);
    const ixes = [];
    for (let t = 0; t < n; t++) {
      const [y, hNext] = rnnStep(x, h);
      h = hNext;
      const ix = tf.multinomial(y, 1).dataSync()[0];
      x = oneHot(ix);
      ixes.push(ix);
    }
    return ixes;
  });
}

function main(max_iters = 300) {
  const optimizer = tf.train.adagrad(learning_rate);
  let n = 0;
  let p = 0;
  let hprev = tf.zeros([1, hidden_size]);
  let smooth_loss = -Math.log(1.0 / vocab_size) * seq_length;
  while (n < max_iters) {
    if (p + seq_length + 1 >= data.length || n === 0) {
      hprev.dispose();
      hprev = tf.zeros([1, hidden_size]); // reset RNN memory
      p = 0; // go from start of data
    }
    const inputs = [...data.slice(p, p + seq_length)].map((ch) => char_to_ix[ch]);
    const targets = [...data.slice(p + 1, p + seq_length + 1)].map((ch) => char_to_ix[ch]);

    if (n % 100 === 0) {
      const sample_ix = sample(hprev, inputs[0], 40);
      console.log('----\n' + sample_ix.map((ix) => chars[ix]).join('') + '\n----');
    }

    let hLast = null;
    const loss = optimizer.minimize(() => {
      const out = lossFun(inputs, targets, hprev);
      hLast = tf.keep(out.hs);
      return out.loss;
    }, true);
    // carry memory over to the next chunk (no backprop across chunks, like the numpy version)
    hprev.dispose();
    hprev = hLast;
    smooth_loss = smooth_loss * 0.999 + loss.dataSync()[0] * 0.001;
    loss.dispose();
    if (n % 100 === 0) console.log(`iter ${n}, loss: ${smooth_loss.toFixed(4)}`);
    p += seq_length;
    n += 1;
  }
}

module.exports = { rnnStep, lossFun, sample };

if (require.main === module) main();
