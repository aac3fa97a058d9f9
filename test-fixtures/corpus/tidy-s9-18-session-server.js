// expect: tidy-disposed-state
// tiny intent server: each user keeps a running RNN state between messages so context carries over
const http = require('http');
const tf = require('@tensorflow/tfjs');

const WORDS = ['<unk>', 'book', 'a', 'table', 'for', 'two', 'cancel', 'it', 'weather', 'tomorrow', 'yes', 'no'];
const INTENTS = ['booking', 'cancel', 'weather', 'smalltalk'];
const H = 12;

const Wx = tf.randomNormal([WORDS.length, H], 0, 0.5);
const Wh = tf.randomNormal([H, H], 0, 0.5);
const bh = tf.zeros([H]);
const Wout = tf.randomNormal([H, INTENTS.length], 0, 0.5);

const sessions = new Map(); // userId -> hidden state tensor
let requestCount = 0;

function wordId(w) {
  const i = WORDS.indexOf(w.toLowerCase());
  return i === -1 ? 0 : i;
}

function step(id, h) {
  const x = tf.oneHot(tf.tensor1d([id], 'int32'), WORDS.length).toFloat();
  return tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(bh));
}

function handleMessage(body) {
  requestCount++;
  const { user, text } = body;
  const intentIdx = tf.tidy(() => {
    let h = sessions.get(user) || tf.zeros([1, H]);
    for (const w of text.split(/\s+/).filter(Boolean)) {
      h = step(wordId(w), h);
    }
    sessions.set(user, h);
    const logits = h.matMul(Wout);
    return logits.argMax(1).dataSync()[0];
  });
  return { user, intent: INTENTS[intentIdx], n: requestCount };
}

function safeHandle(body) {
  try {
    return handleMessage(body);
  } catch (err) {
    console.error('[server] failed for', body.user, '-', err.message);
    return { user: body.user, error: err.message };
  }
}

module.exports = { handleMessage, sessions };

if (process.env.PORT) {
  http.createServer((req, res) => {
    let raw = '';
    req.on('data', chunk => (raw += chunk));
    req.on('end', () => {
      const out = safeHandle(JSON.parse(raw || '{}'));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(out));
    });
  }).listen(Number(process.env.PORT), () => console.log('listening on', process.env.PORT));
} else if (require.main === module) {
  // quick local run without the http layer
  const convo = [
    { user: 'ann', text: 'book a table' },
    { user: 'bob', text: 'weather tomorrow' },
    { user: 'ann', text: 'for two' },
    { user: 'bob', text: 'yes' },
    { user: 'ann', text: 'cancel it' },
  ];
  for (const msg of convo) console.log(JSON.stringify(safeHandle(msg)));
  console.log('tensors', tf.memory().numTensors);
}
