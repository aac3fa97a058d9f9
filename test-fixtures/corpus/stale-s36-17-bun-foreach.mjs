// expect: stale-state
// Bun script: embeds support-ticket transcripts with a word-level RNN and writes one vector per ticket.
import * as tf from '@tensorflow/tfjs';

const [ticketsPath = 'tickets.json', weightsPath = 'rnn-weights.json', outPath = 'embeddings.json'] = Bun.argv.slice(2);

const weights = await Bun.file(weightsPath).json();
const vocab = new Map(weights.vocab.map((w, i) => [w, i]));
const UNK = vocab.get('<unk>') ?? 0;

const P = {
  emb: tf.tensor2d(weights.embedding),
  wx: tf.tensor2d(weights.wx),
  wh: tf.tensor2d(weights.wh),
  b: tf.tensor1d(weights.b)
};
const units = P.wh.shape[0];

const cell = {
  step(x, h) {
    return tf.tanh(tf.add(tf.add(tf.matMul(x, P.wx), tf.matMul(h, P.wh)), P.b));
  }
};

function tokenize(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => vocab.get(w) ?? UNK);
}

function embedTicket(ids) {
  return tf.tidy(() => {
    const frames = tf.unstack(tf.gather(P.emb, ids)).map((v) => v.expandDims(0));
    const hInit = tf.zeros([1, units]);
    let h = hInit;
    let pooled = tf.zeros([1, units]);
    frames.forEach((x) => {
      const hNext = cell.step(x, hInit);
      pooled = tf.maximum(pooled, hNext);
      h = hNext;
    });
    return tf.concat([h, pooled], 1).squeeze().arraySync();
  });
}

const tickets = await Bun.file(ticketsPath).json();
const out = [];
let skipped = 0;

for (const t of tickets) {
  const ids = tokenize(`${t.subject ?? ''} ${t.body ?? ''}`);
  if (ids.length === 0) {
    skipped++;
    continue;
  }
  out.push({ id: t.id, queue: t.queue, vector: embedTicket(ids) });
}

await Bun.write(outPath, JSON.stringify(out));
console.log(`wrote ${out.length} embeddings to ${outPath} (${skipped} empty tickets skipped)`);
console.log('tensors still allocated:', tf.memory().numTensors);
