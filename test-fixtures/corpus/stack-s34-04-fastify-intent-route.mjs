// expect: stacked-activation
// Fastify route that classifies a chat utterance into an intent with an LSTM classifier.
import * as tf from '@tensorflow/tfjs';
import Fastify from 'fastify';
import { readFile } from 'node:fs/promises';

const MAX_LEN = 32;
const INTENTS = ['greeting', 'billing', 'cancel', 'upgrade', 'bug_report', 'other'];

function buildModel(vocabSize) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 64, inputLength: MAX_LEN, maskZero: true }));
  model.add(tf.layers.lstm({ units: 96, recurrentDropout: 0 }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: INTENTS.length, activation: 'softmax' }));
  return model;
}

async function loadArtifacts(dir) {
  const vocab = JSON.parse(await readFile(`${dir}/vocab.json`, 'utf8'));
  const model = buildModel(Object.keys(vocab).length + 1);
  const weights = JSON.parse(await readFile(`${dir}/weights.json`, 'utf8'));
  model.setWeights(weights.map(({ shape, values }) => tf.tensor(values, shape)));
  return { vocab, model };
}

function encode(text, vocab) {
  const ids = text
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => vocab[w] ?? vocab['<unk>'])
    .slice(0, MAX_LEN);
  while (ids.length < MAX_LEN) ids.push(0);
  return ids;
}

export async function start({ port = 3000, artifacts = './artifacts' } = {}) {
  const { vocab, model } = await loadArtifacts(artifacts);
  const app = Fastify({ logger: true });

  app.post('/intent', async (request, reply) => {
    const { text } = request.body ?? {};
    if (typeof text !== 'string' || text.length === 0) {
      return reply.code(400).send({ error: 'text is required' });
    }
    const probs = tf.tidy(() => {
      const batch = tf.tensor2d([encode(text, vocab)], [1, MAX_LEN], 'int32');
      const logits = model.predict(batch);
      return tf.softmax(logits).squeeze();
    });
    const scores = await probs.array();
    probs.dispose();
    const best = scores.indexOf(Math.max(...scores));
    return {
      intent: INTENTS[best],
      confidence: scores[best],
      scores: Object.fromEntries(INTENTS.map((name, i) => [name, scores[i]])),
    };
  });

  app.get('/healthz', async () => ({ ok: true, tensors: tf.memory().numTensors }));

  await app.listen({ port, host: '0.0.0.0' });
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
