// expect: stale-state
// Reply generator for our support chatbot: GRU encoder reads the user's message, GRU decoder samples the reply.
const tf = require('@tensorflow/tfjs');

const VOCAB = ['<pad>', '<s>', '</s>', 'hi', 'hello', 'how', 'can', 'i', 'help', 'you', 'order', 'refund', 'thanks', 'sure', 'is', 'late'];
const EMB = 8;
const UNITS = 12;

function gruParams(inDim, units, seed) {
  return {
    W: tf.variable(tf.randomNormal([inDim, 3 * units], 0, 0.4, 'float32', seed)),
    U: tf.variable(tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', seed + 1)),
    b: tf.variable(tf.zeros([3 * units])),
  };
}

function gruStep(p, x, h) {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, p.W), p.b), 3, 1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, p.U), 3, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

function createBot(seed = 7) {
  return {
    encEmb: tf.variable(tf.randomNormal([VOCAB.length, EMB], 0, 0.5, 'float32', seed)),
    decEmb: tf.variable(tf.randomNormal([VOCAB.length, EMB], 0, 0.5, 'float32', seed + 1)),
    enc: gruParams(EMB, UNITS, seed + 10),
    dec: gruParams(EMB, UNITS, seed + 20),
    outW: tf.variable(tf.randomNormal([UNITS, VOCAB.length], 0, 0.5, 'float32', seed + 30)),
    outB: tf.variable(tf.zeros([VOCAB.length])),
  };
}

function tokenize(text) {
  return text.toLowerCase().split(/\s+/).map((w) => Math.max(0, VOCAB.indexOf(w)));
}

function encode(bot, ids) {
  let h = tf.zeros([1, UNITS]);
  ids.forEach((id) => {
    h = gruStep(bot.enc, tf.gather(bot.encEmb, [id]), h);
  });
  return h;
}

// Returns the sampled reply plus the decoder's last state (kept for the next turn's context).
function reply(bot, message, { maxLen = 10, temperature = 0.8, seed = 3 } = {}) {
  return tf.tidy(() => {
    const state = encode(bot, tokenize(message));
    let lastState = state;
    let token = 1;
    const words = [];
    for (let i = 0; i < maxLen; i++) {
      const x = tf.gather(bot.decEmb, [token]);
      const h = gruStep(bot.dec, x, state);
      const logits = tf.add(tf.matMul(h, bot.outW), bot.outB);
      token = tf.multinomial(tf.div(logits, temperature).squeeze(), 1, seed + i).dataSync()[0];
      lastState = h;
      if (token === 2) break;
      words.push(VOCAB[token]);
    }
    return { text: words.join(' '), state: lastState };
  });
}

module.exports = { createBot, reply, encode, gruStep, tokenize };

if (require.main === module) {
  const bot = createBot();
  const out = reply(bot, 'hi my order is late');
  console.log('bot:', out.text);
  out.state.print();
}
