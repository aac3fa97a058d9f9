// expect: stacked-activation, state-leak
// Offline evaluation job: replays each user's purchase history through a GRU next-item model and reports per-user loss and hit@10.
const tf = require('@tensorflow/tfjs');
const fs = require('fs/promises');

const ITEMS = 500;
const UNITS = 64;

function buildNet(seed = 42) {
  const cell = tf.layers.gruCell({ units: UNITS, kernelInitializer: 'glorotUniform' });
  const embed = tf.layers.embedding({ inputDim: ITEMS, outputDim: 32 });
  const head = tf.layers.dense({ units: ITEMS, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed }) });
  embed.apply(tf.zeros([1], 'int32'));
  cell.build([null, 32]);
  head.apply(tf.zeros([1, UNITS]));
  return { cell, embed, head };
}

function step(net, itemId, h) {
  const x = net.embed.apply(tf.tensor1d([itemId], 'int32'));
  const [out, hNext] = net.cell.call([x, h], {});
  return [out, hNext];
}

async function loadWeights(net, file) {
  const saved = JSON.parse(await fs.readFile(file, 'utf8'));
  for (const name of ['embed', 'cell', 'head']) {
    net[name].setWeights(saved[name].map(({ shape, values }) => tf.tensor(values, shape)));
  }
}

async function loadHistories(file) {
  const raw = await fs.readFile(file, 'utf8');
  return raw
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [userId, items] = line.split(':');
      return { userId, items: items.split(',').map(Number).filter((n) => n >= 0 && n < ITEMS) };
    })
    .filter((u) => u.items.length >= 3);
}

function evaluate(net, users) {
  const rows = [];
  let h = tf.zeros([1, UNITS]);
  for (const { userId, items } of users) {
    let lossSum = 0;
    let hits = 0;
    for (let t = 0; t < items.length - 1; t++) {
      const [loss, hit, hNext] = tf.tidy(() => {
        const [out, next] = step(net, items[t], h);
        const target = tf.oneHot(tf.tensor1d([items[t + 1]], 'int32'), ITEMS);
        const scores = net.head.apply(out);
        const l = tf.losses.softmaxCrossEntropy(target, scores).dataSync()[0];
        const { indices } = tf.topk(scores, 10);
        const isHit = Array.from(indices.dataSync()).includes(items[t + 1]);
        return [l, isHit, next];
      });
      h.dispose();
      h = hNext;
      lossSum += loss;
      if (hit) hits += 1;
    }
    const steps = items.length - 1;
    rows.push({ userId, loss: lossSum / steps, hitAt10: hits / steps });
  }
  h.dispose();
  return rows;
}

function report(rows) {
  const mean = (k) => rows.reduce((s, r) => s + r[k], 0) / Math.max(rows.length, 1);
  console.log(`users=${rows.length} loss=${mean('loss').toFixed(4)} hit@10=${mean('hitAt10').toFixed(4)}`);
  return fs.writeFile('eval-per-user.json', JSON.stringify(rows, null, 2));
}

const net = buildNet();
loadWeights(net, process.env.WEIGHTS || 'next-item-weights.json')
  .then(() => loadHistories(process.argv[2] || 'histories.txt'))
  .then((users) => evaluate(net, users))
  .then(report)
  .then(() => console.log(`tensors left: ${tf.memory().numTensors}`))
  .catch((err) => {
    console.error('eval failed', err);
    process.exitCode = 1;
  });
