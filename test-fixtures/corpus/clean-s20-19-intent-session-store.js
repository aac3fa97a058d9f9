// expect: none
// Per-conversation next-intent predictor: a GRU stepper model whose state is stored per conversation id.
const tf = require('@tensorflow/tfjs');

const INTENTS = ['greet', 'order', 'track', 'refund', 'bye'];
const UNITS = 12;

function buildStepper() {
  const intent = tf.input({ shape: [1, INTENTS.length] });
  const state = tf.input({ shape: [UNITS] });
  const [out, nextState] = tf.layers
    .gru({ units: UNITS, returnState: true, recurrentActivation: 'sigmoid' })
    .apply(intent, { initialState: [state] });
  const probs = tf.layers.dense({ units: INTENTS.length, activation: 'softmax' }).apply(out);
  return tf.model({ inputs: [intent, state], outputs: [probs, nextState] });
}

class ConversationStore {
  constructor(stepper) {
    this.stepper = stepper;
    this.states = new Map();
  }

  start(conversationId) {
    this.end(conversationId);
    this.states.set(conversationId, tf.zeros([1, UNITS]));
  }

  observe(conversationId, intentName) {
    if (!this.states.has(conversationId)) this.start(conversationId);
    const probs = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([INTENTS.indexOf(intentName)], 'int32'), INTENTS.length)
        .toFloat()
        .expandDims(1);
      const prev = this.states.get(conversationId);
      const [p, next] = this.stepper.predict([x, prev]);
      this.states.set(conversationId, tf.keep(next));
      prev.dispose();
      return p.dataSync();
    });
    const ranked = INTENTS.map((name, i) => ({ name, p: probs[i] })).sort((a, b) => b.p - a.p);
    return ranked.slice(0, 2);
  }

  end(conversationId) {
    const st = this.states.get(conversationId);
    if (st) st.dispose();
    this.states.delete(conversationId);
  }
}

function main() {
  const store = new ConversationStore(buildStepper());
  const events = [
    ['c1', 'greet'], ['c2', 'greet'], ['c1', 'order'], ['c2', 'track'],
    ['c1', 'track'], ['c2', 'refund'], ['c1', 'bye'],
  ];
  for (const [id, intent] of events) {
    const top = store.observe(id, intent);
    console.log(id, intent, '->', top.map((t) => `${t.name}:${t.p.toFixed(3)}`).join(' '));
  }
  store.end('c1');
  store.start('c1');
  console.log('c1 restarted', store.observe('c1', 'greet').map((t) => t.name).join(','));
  store.end('c1');
  store.end('c2');
  console.log('tensors after closing all conversations:', tf.memory().numTensors);
}

module.exports = { ConversationStore, buildStepper };

if (require.main === module) main();
