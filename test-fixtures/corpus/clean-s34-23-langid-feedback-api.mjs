// expect: none
// Language-ID microservice: a character GRU classifies short texts and user corrections trigger a small online update.
import * as tf from '@tensorflow/tfjs';
import Fastify from 'fastify';

const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl'];
const CHARS = 256;
const H = 64;
const MLP = 32;

const gu = tf.initializers.glorotUniform({ seed: 21 });
const v = (shape) => tf.variable(gu.apply(shape));
const P = {
  Wz: v([CHARS, H]), Uz: v([H, H]), bz: tf.variable(tf.zeros([H])),
  Wn: v([CHARS, H]), Un: v([H, H]), bn: tf.variable(tf.zeros([H])),
  W1: v([H, MLP]), b1: tf.variable(tf.zeros([MLP])),
  W2: v([MLP, LANGS.length]), b2: tf.variable(tf.zeros([LANGS.length])),
};
const optimizer = tf.train.sgd(0.01);

function codes(text) {
  return Array.from(text.normalize('NFC').slice(0, 200), (ch) => Math.min(ch.codePointAt(0), CHARS - 1));
}

function logitsFor(text) {
  let h = tf.zeros([1, H]);
  for (const c of codes(text)) {
    const x = tf.oneHot(tf.tensor1d([c], 'int32'), CHARS).toFloat();
    const z = tf.sigmoid(x.matMul(P.Wz).add(h.matMul(P.Uz)).add(P.bz));
    const n = tf.tanh(x.matMul(P.Wn).add(h.matMul(P.Un)).add(P.bn));
    h = z.mul(h).add(tf.sub(1, z).mul(n));
  }
  const hidden = tf.relu(h.matMul(P.W1).add(P.b1));
  return hidden.matMul(P.W2).add(P.b2);
}

export function detect(text) {
  return tf.tidy(() => {
    const probs = tf.softmax(logitsFor(text)).dataSync();
    const ranked = LANGS.map((lang, i) => ({ lang, p: probs[i] })).sort((a, b) => b.p - a.p);
    return ranked.slice(0, 3);
  });
}

export function learnFrom(text, lang) {
  const target = LANGS.indexOf(lang);
  if (target < 0) throw new Error(`unknown language ${lang}`);
  const loss = optimizer.minimize(() => {
    const labels = tf.oneHot(tf.tensor1d([target], 'int32'), LANGS.length);
    return tf.losses.softmaxCrossEntropy(labels, logitsFor(text));
  }, true);
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

export async function createServer() {
  const app = Fastify({ logger: { level: 'info' } });
  const corrections = [];

  app.post('/detect', async (req) => {
    const { text } = req.body ?? {};
    if (!text) return { error: 'empty text' };
    return { candidates: detect(text) };
  });

  app.post('/feedback', async (req, reply) => {
    const { text, lang } = req.body ?? {};
    if (!text || !LANGS.includes(lang)) return reply.code(400).send({ error: 'bad feedback' });
    corrections.push({ text, lang });
    return reply.code(202).send({ queued: corrections.length });
  });

  const timer = setInterval(() => {
    const batch = corrections.splice(0, 32);
    if (batch.length === 0) return;
    const losses = batch.map(({ text, lang }) => learnFrom(text, lang));
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    app.log.info({ n: batch.length, mean, tensors: tf.memory().numTensors }, 'applied corrections');
  }, 30_000);
  app.addHook('onClose', async () => clearInterval(timer));

  return app;
}
