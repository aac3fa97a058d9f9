// expect: state-leak
// Nightly job: score every message in the inbox dump for "spamminess" with a char GRU trained in the same script
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const MAX_CHARS = 40;

const spam = ['win a free prize now', 'free money click here', 'cheap pills free shipping', 'you won a prize claim now'];
const ham = ['see you at lunch', 'meeting moved to 3pm', 'can you review my pr', 'dinner at mom on sunday'];

const cell = tf.layers.gruCell({ units: UNITS });
const embed = tf.layers.embedding({ inputDim: 128, outputDim: 8 });
const scoreLayer = tf.layers.dense({ units: 1, activation: 'sigmoid' });
cell.build([null, 8]); // the cell has to know the embedding size up front

function codes(text) {
  return Array.from(text.slice(0, MAX_CHARS)).map((c) => c.charCodeAt(0) % 128);
}

function readMessage(text, h0) {
  let h = h0;
  const xs = embed.apply(tf.tensor2d([codes(text)], undefined, 'int32')); // [1, T, 8]
  const steps = tf.unstack(xs, 1);
  for (const x of steps) {
    const out = cell.apply([x, h]);
    h = out[1];
  }
  return h;
}

async function trainScorer() {
  const opt = tf.train.adam(0.02);
  const examples = spam.map((t) => [t, 1]).concat(ham.map((t) => [t, 0]));
  // build the layers once
  scoreLayer.apply(readMessage('warmup', tf.zeros([1, UNITS])));
  for (let epoch = 0; epoch < 15; epoch++) {
    let total = 0;
    for (const [text, label] of examples) {
      const l = opt.minimize(() => {
        const p = scoreLayer.apply(readMessage(text, tf.zeros([1, UNITS])));
        return tf.losses.logLoss(tf.tensor2d([[label]]), p);
      }, true);
      total += l.dataSync()[0];
      l.dispose();
    }
    if (epoch % 5 === 0) console.log('epoch', epoch, 'loss', (total / examples.length).toFixed(4));
  }
}

async function scoreInbox(inbox) {
  const report = [];
  let hidden = tf.zeros([1, UNITS]);
  for (const msg of inbox) {
    const next = tf.tidy(() => readMessage(msg.body, hidden));
    hidden.dispose();
    hidden = next;
    const p = tf.tidy(() => scoreLayer.apply(hidden).dataSync()[0]);
    report.push({ id: msg.id, spam: p });
  }
  hidden.dispose();
  return report;
}

async function main() {
  await trainScorer();
  const inbox = [
    { id: 1, body: 'see you at lunch' },
    { id: 2, body: 'free prize click now' },
    { id: 3, body: 'ok' },
    { id: 4, body: 'meeting moved to 4pm' },
    { id: 5, body: 'free money' },
    { id: 6, body: 'ok' },
    { id: 7, body: 'see you at lunch' },
  ];
  const report = await scoreInbox(inbox);
  report.forEach((r) => console.log(`#${r.id} spam=${r.spam.toFixed(4)} ${r.spam > 0.5 ? 'SPAM' : 'ok'}`));
}

main();
