// expect: none
// Char-RNN that writes fake band names: trains on a list of names, then samples new ones at several temperatures.
const fs = require('fs');
const tf = require('@tensorflow/tfjs');

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v === undefined ? true : v];
  }),
);
const DATA = args.data || 'band_names.txt';
const EPOCHS = Number(args.epochs || 40);
const CONTEXT = 12;
const EOS = '\n';

const names = fs.readFileSync(DATA, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
const chars = Array.from(new Set(names.join('') + EOS)).sort();
const V = chars.length;
const idx = new Map(chars.map((c, i) => [c, i]));

function windows() {
  const xs = [];
  const ys = [];
  for (const name of names) {
    const padded = EOS.repeat(CONTEXT) + name + EOS;
    for (let i = CONTEXT; i < padded.length; i++) {
      xs.push(Array.from(padded.slice(i - CONTEXT, i), (c) => idx.get(c)));
      ys.push(idx.get(padded[i]));
    }
  }
  return { x: tf.tensor2d(xs, undefined, 'int32'), y: tf.oneHot(tf.tensor1d(ys, 'int32'), V) };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: V, outputDim: 24, inputLength: CONTEXT }));
  model.add(tf.layers.lstm({ units: 128, returnSequences: true }));
  model.add(tf.layers.lstm({ units: 128 }));
  // raw scores; the loss applies the softmax
  model.add(tf.layers.dense({ units: V }));
  model.compile({
    optimizer: tf.train.adam(3e-3),
    loss: (yTrue, logits) => tf.losses.softmaxCrossEntropy(yTrue, logits),
  });
  return model;
}

function sampleName(model, temperature, maxLen = 30) {
  let context = Array(CONTEXT).fill(idx.get(EOS));
  let out = '';
  for (let i = 0; i < maxLen; i++) {
    const next = tf.tidy(() => {
      const logits = model.predict(tf.tensor2d([context], [1, CONTEXT], 'int32'));
      const probs = tf.softmax(tf.div(logits, temperature)).dataSync();
      let r = Math.random();
      for (let k = 0; k < probs.length; k++) {
        r -= probs[k];
        if (r <= 0) return k;
      }
      return probs.length - 1;
    });
    if (chars[next] === EOS) break;
    out += chars[next];
    context = context.slice(1).concat(next);
  }
  return out;
}

async function main() {
  console.log(`${names.length} names, vocab ${V}`);
  const { x, y } = windows();
  const model = buildModel();
  await model.fit(x, y, {
    epochs: EPOCHS,
    batchSize: 256,
    shuffle: true,
    callbacks: {
      onEpochEnd: (epoch, logs) => {
        if ((epoch + 1) % 5 !== 0) return;
        console.log(`epoch ${epoch + 1} loss ${logs.loss.toFixed(3)}`);
        for (const t of [0.5, 0.8, 1.1]) {
          const samples = Array.from({ length: 4 }, () => sampleName(model, t));
          console.log(`  T=${t}: ${samples.join(' | ')}`);
        }
      },
    },
  });
  if (args.save) await model.save(`file://${args.save}`);
  tf.dispose([x, y]);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
