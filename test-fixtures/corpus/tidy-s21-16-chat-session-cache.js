// expect: tidy-disposed-state
// Little chat backend: each user's typing-intent GRU state is cached per session so new messages continue from it
const tf = require('@tensorflow/tfjs');

const EMB_DIM = 8;
const STATE = 16;
const INTENTS = ['greeting', 'question', 'complaint', 'bye'];

const gru = tf.layers.gru({ units: STATE, returnState: true });
const embedding = tf.layers.embedding({ inputDim: 256, outputDim: EMB_DIM });
const head = tf.layers.dense({ units: INTENTS.length, activation: 'softmax' });

// sessionId -> last GRU state tensor [1, STATE]
const sessions = new Map();
let requestCount = 0;

function charIds(text) {
  return Array.from(text).map((ch) => Math.min(ch.charCodeAt(0), 255));
}

async function handleMessage(req) {
  requestCount++;
  const { sessionId, text } = req;
  console.log(`[${requestCount}] ${sessionId}: "${text}"`);
  const probs = tf.tidy(() => {
    const ids = tf.tensor2d([charIds(text)], undefined, 'int32');
    const embedded = embedding.apply(ids);
    const prev = sessions.get(sessionId);
    const opts = prev ? { initialState: [prev] } : {};
    const [, hNew] = gru.apply(embedded, opts);
    sessions.set(sessionId, hNew);
    return head.apply(hNew);
  });
  const p = await probs.data();
  probs.dispose();
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return { sessionId, intent: INTENTS[best], confidence: p[best] };
}

// fake request queue instead of express for now
const queue = [
  { sessionId: 'alice', text: 'hi there' },
  { sessionId: 'bob', text: 'my order never arrived' },
  { sessionId: 'alice', text: 'how do I track a parcel?' },
  { sessionId: 'bob', text: 'this is unacceptable' },
  { sessionId: 'alice', text: 'thanks, bye' },
];

async function main() {
  for (const req of queue) {
    try {
      const res = await handleMessage(req);
      console.log('   ->', res.intent, res.confidence.toFixed(3));
    } catch (e) {
      console.log('   -> 500', e.message);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  console.log('active sessions:', sessions.size, 'tensors:', tf.memory().numTensors);
}

main();
