// expect: none
// Streaming intent detector for a support chat: GRU trained at boot, then a message handler keeps one state per conversation.
const tf = require('@tensorflow/tfjs');

const WORDS = ['hi', 'my', 'card', 'was', 'charged', 'twice', 'refund', 'please', 'password', 'reset', 'login', 'cannot', 'thanks'];
const INTENTS = ['billing', 'account', 'smalltalk'];
const H = 20;
const E = 10;

const p = {
  emb: tf.variable(tf.randomNormal([WORDS.length, E], 0, 0.3)),
  wz: tf.variable(tf.randomNormal([E + H, H], 0, 0.2)),
  wr: tf.variable(tf.randomNormal([E + H, H], 0, 0.2)),
  wn: tf.variable(tf.randomNormal([E + H, H], 0, 0.2)),
  wo: tf.variable(tf.randomNormal([H, INTENTS.length], 0, 0.3)),
};

function gru(x, h) {
  const xh = tf.concat([x, h], 1);
  const z = tf.sigmoid(xh.matMul(p.wz));
  const r = tf.sigmoid(xh.matMul(p.wr));
  const n = tf.tanh(tf.concat([x, r.mul(h)], 1).matMul(p.wn));
  return tf.sub(1, z).mul(h).add(z.mul(n));
}

const embed = (id) => tf.gather(p.emb, tf.tensor1d([id], 'int32'));

const TEMPLATES = [
  [['my', 'card', 'was', 'charged', 'twice'], 0], [['refund', 'please'], 0], [['charged', 'twice', 'refund'], 0],
  [['password', 'reset', 'please'], 1], [['cannot', 'login'], 1], [['my', 'login', 'password'], 1],
  [['hi'], 2], [['thanks'], 2], [['hi', 'thanks'], 2],
];

function* conversations() {
  for (let k = 0; k < 90; k++) {
    const [words, intent] = TEMPLATES[k % TEMPLATES.length];
    yield { ids: words.map((w) => WORDS.indexOf(w)), intent };
  }
}

async function train(epochs) {
  const optimizer = tf.train.adam(0.02);
  const ds = tf.data.generator(conversations).shuffle(90);
  for (let e = 1; e <= epochs; e++) {
    let total = 0;
    let n = 0;
    await ds.forEachAsync(({ ids, intent }) => {
      const loss = optimizer.minimize(() => {
        let h = tf.zeros([1, H]);
        for (const id of ids) h = gru(embed(id), h);
        return tf.losses.softmaxCrossEntropy(tf.oneHot([intent], INTENTS.length), h.matMul(p.wo));
      }, true);
      total += loss.dataSync()[0];
      n++;
      loss.dispose();
    });
    if (e % 5 === 0) console.log(`epoch ${e}: loss ${(total / n).toFixed(4)}`);
  }
}

const conversationsState = new Map();

function onMessage(msg) {
  if (msg.type === 'start') {
    const old = conversationsState.get(msg.conversation);
    if (old) old.dispose();
    conversationsState.set(msg.conversation, tf.zeros([1, H]));
    return { conversation: msg.conversation, intent: null };
  }
  const prev = conversationsState.get(msg.conversation);
  const ids = msg.text.split(' ').map((w) => WORDS.indexOf(w)).filter((i) => i >= 0);
  const intent = tf.tidy(() => {
    let h = prev;
    for (const id of ids) h = gru(embed(id), h);
    conversationsState.set(msg.conversation, tf.keep(h));
    return INTENTS[h.matMul(p.wo).argMax(1).dataSync()[0]];
  });
  if (ids.length > 0) prev.dispose();
  return { conversation: msg.conversation, intent };
}

module.exports = { train, onMessage };

if (require.main === module) {
  train(15).then(() => {
    const events = [
      { type: 'start', conversation: 'c1' },
      { type: 'text', conversation: 'c1', text: 'hi' },
      { type: 'text', conversation: 'c1', text: 'my card was charged twice' },
      { type: 'start', conversation: 'c2' },
      { type: 'text', conversation: 'c2', text: 'cannot login' },
      { type: 'text', conversation: 'c1', text: 'refund please' },
      { type: 'start', conversation: 'c1' },
      { type: 'text', conversation: 'c1', text: 'thanks' },
    ];
    events.forEach((ev) => console.log(JSON.stringify(onMessage(ev))));
    console.log('live tensors:', tf.memory().numTensors);
  });
}
