// expect: stale-state
// Summary decoder that warm-starts from encoder states stored as JSON by an earlier batch job and writes summaries to disk.
const tf = require('@tensorflow/tfjs');
const fs = require('fs/promises');
const path = require('path');

const BOS = 1;
const EOS = 2;

async function loadDecoder(file) {
  const w = JSON.parse(await fs.readFile(file, 'utf8'));
  return {
    embed: tf.tensor2d(w.embed),
    wx: tf.tensor2d(w.wx),
    wh: tf.tensor2d(w.wh),
    b: tf.tensor1d(w.b),
    vocabProj: tf.tensor2d(w.vocabProj),
    vocab: w.vocab,
  };
}

function decoderStep(dec, tokenId, h) {
  return tf.tidy(() => {
    const x = tf.gather(dec.embed, [tokenId]);
    const hNext = tf.tanh(tf.matMul(x, dec.wx).add(tf.matMul(h, dec.wh)).add(dec.b));
    const logits = tf.matMul(hNext, dec.vocabProj);
    return { hNext, next: tf.argMax(logits, 1) };
  });
}

async function summarise(dec, stateFile, maxLen = 60) {
  const saved = JSON.parse(await fs.readFile(stateFile, 'utf8'));
  const encoderState = tf.tensor2d(saved.encoderState);
  let h = encoderState;
  let token = BOS;
  const words = [];

  while (words.length < maxLen) {
    const { hNext, next } = decoderStep(dec, token, encoderState);
    token = (await next.data())[0];
    next.dispose();
    if (h !== encoderState) h.dispose();
    h = hNext;
    if (token === EOS) break;
    words.push(dec.vocab[token]);
  }

  if (h !== encoderState) h.dispose();
  encoderState.dispose();
  return { docId: saved.docId, summary: words.join(' ') };
}

async function main() {
  const stateDir = process.argv[2] || './encoder-states';
  const outDir = process.argv[3] || './summaries';
  const dec = await loadDecoder('./decoder-weights.json');
  await fs.mkdir(outDir, { recursive: true });

  const files = (await fs.readdir(stateDir)).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    const { docId, summary } = await summarise(dec, path.join(stateDir, file));
    await fs.writeFile(path.join(outDir, `${docId}.txt`), summary + '\n');
  }
  console.log(`wrote ${files.length} summaries, tensors=${tf.memory().numTensors}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
