// expect: tidy-disposed-state
// WebSocket autocomplete server: each connected client streams tokens and gets the next-token guess back.
import * as tf from '@tensorflow/tfjs';

const VOCAB = ['<pad>', 'select', 'from', 'where', 'and', 'or', 'order', 'by', 'group', 'limit', 'join', 'on', '*', 'id', 'name'];
const EMBED = 6;
const UNITS = 16;

const weights = {
  embed: tf.randomNormal([VOCAB.length, EMBED], 0, 1, 'float32', 61),
  wx: tf.randomNormal([EMBED, UNITS], 0, 0.4, 'float32', 62),
  wh: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 63),
  b: tf.zeros([UNITS]),
  wy: tf.randomNormal([UNITS, VOCAB.length], 0, 0.4, 'float32', 64),
};

const hiddenByClient = new Map();

function tokenId(tok) {
  const i = VOCAB.indexOf(String(tok).toLowerCase());
  return i < 0 ? 0 : i;
}

export function nextToken(clientId, token) {
  const probs = tf.tidy(() => {
    const prev = hiddenByClient.get(clientId) ?? tf.zeros([1, UNITS]);
    const x = tf.gather(weights.embed, [tokenId(token)]);
    const h = tf.tanh(tf.matMul(x, weights.wx).add(tf.matMul(prev, weights.wh)).add(weights.b));
    hiddenByClient.set(clientId, h);
    return tf.softmax(tf.matMul(h, weights.wy));
  });
  const p = probs.dataSync();
  probs.dispose();
  let best = 1;
  for (let i = 2; i < p.length; i++) if (p[i] > p[best]) best = i;
  return { token: VOCAB[best], p: p[best] };
}

export function forget(clientId) {
  const h = hiddenByClient.get(clientId);
  if (h) h.dispose();
  hiddenByClient.delete(clientId);
}

let counter = 0;

export function attach(wss) {
  wss.on('connection', (socket, req) => {
    const clientId = `${req?.socket?.remoteAddress ?? 'local'}#${++counter}`;
    socket.on('message', (data) => {
      let msg;
      try {
        msg = JSON.parse(String(data));
      } catch {
        socket.send(JSON.stringify({ error: 'bad json' }));
        return;
      }
      if (msg.type === 'reset') {
        forget(clientId);
        socket.send(JSON.stringify({ type: 'reset-ok' }));
        return;
      }
      const guess = nextToken(clientId, msg.token);
      socket.send(JSON.stringify({ type: 'guess', ...guess }));
    });
    socket.on('close', () => forget(clientId));
  });
}
