// expect: stacked-activation
// Online handwriting: encodes pen samples (dx, dy, penUp) of a drawn digit with a configurable RNN and classifies it.
import * as tf from '@tensorflow/tfjs';

const ACTIVATIONS = {
  tanh: (t) => tf.tanh(t),
  relu: (t) => tf.relu(t),
  elu: (t) => tf.elu(t),
  linear: (t) => t,
};

const DEFAULT_CONFIG = { inputDim: 3, units: 16, classes: 10, activation: 'tanh', seed: 17 };

export function createStrokeEncoder(userConfig = {}) {
  const cfg = { ...DEFAULT_CONFIG, ...userConfig };
  const act = ACTIVATIONS[cfg.activation];
  if (!act) throw new Error(`unknown activation ${cfg.activation}`);

  const Wx = tf.randomNormal([cfg.inputDim, cfg.units], 0, 0.8, 'float32', cfg.seed);
  const Wh = tf.randomNormal([cfg.units, cfg.units], 0, 0.8, 'float32', cfg.seed + 1);
  const b = tf.zeros([cfg.units]);
  const Wc = tf.randomNormal([cfg.units, cfg.classes], 0, 0.5, 'float32', cfg.seed + 2);

  function cell(x, h) {
    const hIn = act(h);
    const pre = tf.matMul(x, Wx).add(tf.matMul(hIn, Wh)).add(b);
    return act(pre);
  }

  function encode(points) {
    return tf.tidy(() => {
      let h = tf.zeros([1, cfg.units]);
      for (const p of points) {
        h = cell(tf.tensor2d([p]), h);
      }
      return h;
    });
  }

  function classify(points) {
    return tf.tidy(() => {
      const h = encode(points);
      return tf.softmax(tf.matMul(h, Wc)).squeeze();
    });
  }

  return { cfg, cell, encode, classify };
}

// convert absolute pen samples into (dx, dy, penUp) deltas normalised by the bounding box
export function toDeltas(samples) {
  const xs = samples.map((s) => s.x);
  const ys = samples.map((s) => s.y);
  const scale = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-6);
  return samples.map((s, i) => {
    const prev = i === 0 ? s : samples[i - 1];
    return [(s.x - prev.x) / scale, (s.y - prev.y) / scale, s.up ? 1 : 0];
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  // a rough "7": top bar then diagonal
  const samples = [];
  for (let i = 0; i <= 10; i++) samples.push({ x: i * 10, y: 0, up: false });
  for (let i = 1; i <= 12; i++) samples.push({ x: 100 - i * 5, y: i * 10, up: i === 12 });
  const enc = createStrokeEncoder();
  const probs = enc.classify(toDeltas(samples));
  const p = await probs.data();
  console.log('digit guess:', p.indexOf(Math.max(...p)), 'p=', Math.max(...p).toFixed(3));
  const h = enc.encode(toDeltas(samples));
  console.log('state range:', (await h.min().data())[0].toFixed(3), (await h.max().data())[0].toFixed(3));
}
