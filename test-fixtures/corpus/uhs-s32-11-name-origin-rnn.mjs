// expect: unused-hidden-state
// Guesses the origin of a surname letter by letter (after the classic char-RNN tutorial), trained from a tf.data pipeline.
import * as tf from '@tensorflow/tfjs';

const NAMES = {
  italian: ['rossi', 'russo', 'ferrari', 'esposito', 'bianchi', 'romano', 'colombo', 'ricci', 'marino', 'greco'],
  german: ['muller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'becker', 'schulz', 'hoffmann'],
  japanese: ['sato', 'suzuki', 'takahashi', 'tanaka', 'watanabe', 'ito', 'yamamoto', 'nakamura', 'kobayashi', 'kato'],
};
const LANGS = Object.keys(NAMES);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const MAX_LEN = 10;

export function makeRnn({ inputSize, hiddenSize, outputSize }) {
  const init = (shape) => tf.variable(tf.randomUniform(shape, -0.2, 0.2));
  const wIh = init([inputSize, hiddenSize]);
  const wHh = init([hiddenSize, hiddenSize]);
  const bIh = tf.variable(tf.zeros([hiddenSize]));
  const bHh = tf.variable(tf.zeros([hiddenSize]));
  const wHo = init([hiddenSize, outputSize]);
  const bHo = tf.variable(tf.zeros([outputSize]));

  function forward(input, hidden) {
    const ih = tf.matMul(input, wIh);
    const hh = tf.matMul(hidden, wHh);
    const next = tf.tanh(ih.add(bIh).add(bHh));
    return { output: next.matMul(wHo).add(bHo), hidden: next };
  }

  function classify(lettersBatch) {
    const [batch, steps] = lettersBatch.shape;
    let hidden = tf.zeros([batch, hiddenSize]);
    let output = null;
    for (let t = 0; t < steps; t++) {
      const x = lettersBatch.slice([0, t, 0], [batch, 1, inputSize]).squeeze([1]);
      ({ output, hidden } = forward(x, hidden));
    }
    return output;
  }

  return { forward, classify, hiddenSize };
}

function encodeName(name) {
  // right-align so that the final letter always lands on the last step
  const padded = name.slice(-MAX_LEN).padStart(MAX_LEN, ' ');
  return padded.split('').map((ch) => LETTERS.split('').map((l) => (l === ch ? 1 : 0)));
}

const examples = LANGS.flatMap((lang, li) =>
  NAMES[lang].map((name) => ({ xs: encodeName(name), ys: LANGS.map((_, j) => (j === li ? 1 : 0)) })),
);

const rnn = makeRnn({ inputSize: LETTERS.length, hiddenSize: 32, outputSize: LANGS.length });
const optimizer = tf.train.adam(0.01);
const dataset = tf.data.array(examples).shuffle(examples.length, 'names').batch(10);

for (let epoch = 1; epoch <= 30; epoch++) {
  let loss = 0;
  let batches = 0;
  await dataset.forEachAsync(({ xs, ys }) => {
    const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, rnn.classify(xs)), true);
    loss += cost.dataSync()[0];
    batches++;
    tf.dispose([cost, xs, ys]);
  });
  if (epoch % 10 === 0) console.log(`epoch ${epoch}: loss ${(loss / batches).toFixed(4)}`);
}

for (const probe of ['bruno', 'klein', 'honda']) {
  const guess = tf.tidy(() => {
    const logits = rnn.classify(tf.tensor3d([encodeName(probe)]));
    return LANGS[logits.argMax(1).dataSync()[0]];
  });
  console.log(`${probe} -> ${guess}`);
}
