// expect: bptt-cut, tidy-disposed-state
// Speech-command pipeline: trains a GRU encoder + linear head on clips, then scores a live mic stream chunk by chunk.
const tf = require('@tensorflow/tfjs');

const MEL = 20;
const CHUNK = 5;
const UNITS = 16;
const COMMANDS = ['_bg_', 'start', 'stop', 'faster', 'slower'];

function buildModels() {
  const gru = tf.layers.gru({
    units: UNITS,
    returnState: true,
    name: 'enc_gru',
    kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }),
  });
  const clip = tf.input({ shape: [null, MEL] });
  const [, hClip] = gru.apply(clip);
  const encoder = tf.model({ inputs: clip, outputs: hClip });

  const chunk = tf.input({ shape: [CHUNK, MEL] });
  const hIn = tf.input({ shape: [UNITS] });
  const [, hOut] = gru.apply(chunk, { initialState: [hIn] });
  const streamEncoder = tf.model({ inputs: [chunk, hIn], outputs: hOut });

  const head = {
    W: tf.variable(tf.randomNormal([UNITS, COMMANDS.length], 0, 0.3, 'float32', 3), true, 'head_W'),
    b: tf.variable(tf.zeros([COMMANDS.length]), true, 'head_b'),
  };
  return { encoder, streamEncoder, head };
}

const classify = (head, h) => h.matMul(head.W).add(head.b);

async function train(models, clips, labels, epochs = 20) {
  const { encoder, head } = models;
  const opt = tf.train.adam(0.02);
  const vars = encoder.trainableWeights.map((w) => w.read()).concat([head.W, head.b]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), COMMANDS.length);
  const xs = tf.tensor3d(clips);
  const history = [];
  for (let e = 0; e < epochs; e++) {
    const features = encoder.predict(xs);
    const cost = opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, classify(head, features)), true, vars);
    history.push((await cost.data())[0]);
    tf.dispose([features, cost]);
  }
  tf.dispose([xs, ys]);
  return history;
}

function createStreamer(models) {
  let h = tf.zeros([1, UNITS]);
  return function pushChunk(frames) {
    return tf.tidy(() => {
      const hNext = models.streamEncoder.predict([tf.tensor3d([frames]), h]);
      h = hNext;
      return tf.softmax(classify(models.head, hNext)).squeeze();
    });
  };
}

function synthClip(label, T = 15) {
  return Array.from({ length: T }, (_, t) =>
    Array.from({ length: MEL }, (_, k) => (label === 0 ? 0.05 : Math.sin(0.5 * label * (t + 1) + 0.2 * k))));
}

async function main() {
  const models = buildModels();
  const labels = Array.from({ length: 30 }, (_, i) => i % COMMANDS.length);
  const hist = await train(models, labels.map((l) => synthClip(l)), labels);
  console.log('train loss', hist[0].toFixed(3), '->', hist[hist.length - 1].toFixed(3));

  const push = createStreamer(models);
  const stream = synthClip(2, 20);
  for (let i = 0; i + CHUNK <= stream.length; i += CHUNK) {
    const probs = push(stream.slice(i, i + CHUNK));
    const p = await probs.data();
    probs.dispose();
    console.log(`chunk ${i / CHUNK}:`, COMMANDS[p.indexOf(Math.max(...p))]);
  }
}

module.exports = { buildModels, train, createStreamer, synthClip, COMMANDS };

if (require.main === module) {
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
