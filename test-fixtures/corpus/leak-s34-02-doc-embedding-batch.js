// expect: state-leak
// Nightly batch job: encodes every document in a TSV corpus into a GRU embedding and writes the vectors out as TSV.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');
const readline = require('readline');
const { loadVocab, tokenize } = require('./text-utils');

const EMBED = 32;
const HIDDEN = 64;

function makeGru(vocabSize) {
  const glorot = tf.initializers.glorotUniform({ seed: 11 });
  const v = (shape, name) => tf.variable(glorot.apply(shape), false, name);
  return {
    emb: v([vocabSize, EMBED], 'emb'),
    Wz: v([EMBED, HIDDEN], 'Wz'), Uz: v([HIDDEN, HIDDEN], 'Uz'), bz: tf.zeros([HIDDEN]),
    Wr: v([EMBED, HIDDEN], 'Wr'), Ur: v([HIDDEN, HIDDEN], 'Ur'), br: tf.zeros([HIDDEN]),
    Wh: v([EMBED, HIDDEN], 'Wh'), Uh: v([HIDDEN, HIDDEN], 'Uh'), bh: tf.zeros([HIDDEN]),
  };
}

function gruStep(p, tokenId, h) {
  return tf.tidy(() => {
    const x = tf.gather(p.emb, tf.tensor1d([tokenId], 'int32'));
    const z = tf.sigmoid(x.matMul(p.Wz).add(h.matMul(p.Uz)).add(p.bz));
    const r = tf.sigmoid(x.matMul(p.Wr).add(h.matMul(p.Ur)).add(p.br));
    const cand = tf.tanh(x.matMul(p.Wh).add(r.mul(h).matMul(p.Uh)).add(p.bh));
    return tf.sub(1, z).mul(h).add(z.mul(cand));
  });
}

async function loadWeights(p, file) {
  if (!fs.existsSync(file)) return;
  const saved = JSON.parse(await fs.promises.readFile(file, 'utf8'));
  for (const [name, values] of Object.entries(saved)) {
    if (p[name] instanceof tf.Variable) p[name].assign(tf.tensor(values, p[name].shape));
  }
}

async function encodeCorpus(inFile, outFile) {
  const vocab = await loadVocab('./vocab.txt');
  const params = makeGru(vocab.size);
  await loadWeights(params, './gru-weights.json');

  const out = fs.createWriteStream(outFile);
  const rl = readline.createInterface({ input: fs.createReadStream(inFile), crlfDelay: Infinity });

  let docs = 0;
  let h = tf.zeros([1, HIDDEN]);
  for await (const line of rl) {
    const [docId, text] = line.split('\t');
    if (!text) continue;
    const ids = tokenize(text).map((t) => vocab.get(t) ?? vocab.get('<unk>'));
    for (const id of ids) {
      const next = gruStep(params, id, h);
      h.dispose();
      h = next;
    }
    const vec = await h.data();
    const ok = out.write(`${docId}\t${Array.from(vec, (x) => x.toFixed(5)).join(',')}\n`);
    if (!ok) await new Promise((resolve) => out.once('drain', resolve));
    docs += 1;
    if (docs % 1000 === 0) console.log(`[encode] ${docs} docs, tensors=${tf.memory().numTensors}`);
  }
  h.dispose();
  await new Promise((resolve) => out.end(resolve));
  return docs;
}

if (require.main === module) {
  const [, , inFile = 'corpus.tsv', outFile = 'embeddings.tsv'] = process.argv;
  const started = Date.now();
  encodeCorpus(inFile, outFile)
    .then((n) => console.log(`[encode] wrote ${n} embeddings in ${((Date.now() - started) / 1000).toFixed(1)}s`))
    .catch((err) => {
      console.error('[encode] failed', err);
      process.exit(1);
    });
}

module.exports = { encodeCorpus, gruStep, makeGru };
