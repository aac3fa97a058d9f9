// expect: none
// HTTP handler that re-ranks search-box suggestions by their likelihood under a character LSTM conditioned on the typed prefix.
import * as tf from '@tensorflow/tfjs';
import http from 'node:http';

const UNITS = 96;
const VOCAB = 64;
const CHARSET = " abcdefghijklmnopqrstuvwxyz0123456789-'.&/";

const charId = (ch) => {
  const i = CHARSET.indexOf(ch.toLowerCase());
  return i < 0 ? VOCAB - 1 : i;
};

export function lstmStep(w, id, [h, c]) {
  const x = tf.oneHot(tf.tensor1d([id], 'int32'), VOCAB).toFloat();
  const z = tf.matMul(x, w.W).add(tf.matMul(h, w.U)).add(w.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const i = tf.sigmoid(zi);
  const f = tf.sigmoid(zf);
  const g = tf.tanh(zg);
  const o = tf.sigmoid(zo);
  const cNext = f.mul(c).add(i.mul(g));
  const hNext = o.mul(tf.tanh(cNext));
  return [hNext, cNext];
}

function encodePrefix(w, prefix) {
  return tf.tidy(() => {
    let state = [tf.zeros([1, UNITS]), tf.zeros([1, UNITS])];
    for (const ch of prefix) state = lstmStep(w, charId(ch), state);
    return state;
  });
}

function continuationLogProb(w, prefixState, suffix) {
  return tf.tidy(() => {
    let state = prefixState;
    let total = tf.scalar(0);
    for (const ch of suffix) {
      const logits = tf.matMul(state[0], w.Wy).add(w.by);
      const logp = tf.logSoftmax(logits).squeeze().gather(charId(ch));
      total = total.add(logp);
      state = lstmStep(w, charId(ch), state);
    }
    return total.dataSync()[0];
  });
}

export function rerank(w, prefix, suggestions) {
  const prefixState = encodePrefix(w, prefix);
  try {
    return suggestions
      .filter((s) => s.toLowerCase().startsWith(prefix.toLowerCase()))
      .map((s) => {
        const suffix = s.slice(prefix.length);
        const lp = continuationLogProb(w, prefixState, suffix);
        return { text: s, score: lp / Math.max(suffix.length, 1) };
      })
      .sort((a, b) => b.score - a.score);
  } finally {
    tf.dispose(prefixState);
  }
}

export function createServer(weights, candidateSource) {
  return http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname !== '/suggest') {
      res.writeHead(404).end();
      return;
    }
    const q = (url.searchParams.get('q') ?? '').slice(0, 60);
    try {
      const candidates = await candidateSource.lookup(q, { limit: 50 });
      const ranked = rerank(weights, q, candidates).slice(0, 8);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ q, suggestions: ranked }));
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(err) }));
    }
  });
}
