// expect: returns-input-state
// plain-object GRU for my little "next word" chat toy; state is an object so I can stash extra stuff on it later
const tf = require('@tensorflow/tfjs');

const VOCAB = ['<pad>', 'hi', 'hello', 'how', 'are', 'you', 'fine', 'thanks', 'bye', 'good', 'morning', '?'];
const H = 16;
const E = 8;
const w = (shape) => tf.randomNormal(shape, 0, 0.5);

const gru = {
  emb: w([VOCAB.length, E]),
  Wz: w([E, H]), Uz: w([H, H]), bz: tf.zeros([H]),
  Wr: w([E, H]), Ur: w([H, H]), br: tf.zeros([H]),
  Wh: w([E, H]), Uh: w([H, H]), bh: tf.zeros([H]),
  Wy: w([H, VOCAB.length]),

  initState() {
    return { h: tf.zeros([1, H]), steps: 0 };
  },

  step(tokenId, state) {
    return tf.tidy(() => {
      const x = tf.gather(this.emb, [tokenId]);
      const h = state.h;
      const z = tf.sigmoid(x.matMul(this.Wz).add(h.matMul(this.Uz)).add(this.bz));
      const r = tf.sigmoid(x.matMul(this.Wr).add(h.matMul(this.Ur)).add(this.br));
      const hTilde = tf.tanh(x.matMul(this.Wh).add(r.mul(h).matMul(this.Uh)).add(this.bh));
      const hNew = z.mul(h).add(tf.scalar(1).sub(z).mul(hTilde));
      const next = { h: hNew, steps: state.steps + 1 };
      const logits = hNew.matMul(this.Wy);
      if (process.env.DEBUG_GRU) console.log('step', next.steps, 'z mean', z.mean().dataSync()[0]);
      return { logits, state };
    });
  },
};

function tokenize(msg) {
  return msg.toLowerCase().replace('?', ' ?').split(/\s+/).filter(Boolean).map(wd => Math.max(0, VOCAB.indexOf(wd)));
}

function reply(message, maxWords = 6) {
  let state = gru.initState();
  let logits = null;
  for (const id of tokenize(message)) {
    if (logits) logits.dispose();
    ({ logits, state } = gru.step(id, state));
  }
  const words = [];
  for (let i = 0; i < maxWords; i++) {
    const id = logits.argMax(1).dataSync()[0];
    logits.dispose();
    if (id === 0) break;
    words.push(VOCAB[id]);
    ({ logits, state } = gru.step(id, state));
  }
  logits.dispose();
  const hNorm = tf.tidy(() => state.h.norm().dataSync()[0]);
  state.h.dispose();
  return { text: words.join(' '), hNorm };
}

module.exports = { gru, reply, tokenize };

if (require.main === module) {
  for (const msg of ['hi', 'how are you?', 'good morning', 'thanks bye']) {
    const r = reply(msg);
    console.log(JSON.stringify(msg), '=>', JSON.stringify(r.text), ' |h|=', r.hNorm.toFixed(3));
  }
  console.log('tensors:', tf.memory().numTensors);
}
