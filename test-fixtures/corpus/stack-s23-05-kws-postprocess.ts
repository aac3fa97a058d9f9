// expect: stacked-activation
// Keyword spotter: GRU over 40-bin log-mel windows, posterior smoothing and a threshold detector for wake words.
import * as tf from '@tensorflow/tfjs';

export const LABELS = ['_silence_', '_unknown_', 'yes', 'no', 'up', 'down', 'left', 'right', 'on', 'off', 'stop', 'go'];

export interface KwsOptions {
  frames: number;
  melBins: number;
  units: number;
  threshold: number;
  smoothWindow: number;
}

export const defaultKwsOptions: KwsOptions = { frames: 49, melBins: 40, units: 64, threshold: 0.6, smoothWindow: 3 };

export function buildKwsModel(opts: KwsOptions = defaultKwsOptions): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: opts.units, inputShape: [opts.frames, opts.melBins] }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: LABELS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** Class posteriors for a batch of windows [n, frames, melBins]. */
export function posteriors(model: tf.LayersModel, windows: tf.Tensor3D): tf.Tensor2D {
  return tf.tidy(() => {
    const logits = model.predict(windows) as tf.Tensor2D;
    return tf.softmax(logits) as tf.Tensor2D;
  });
}

/** Moving average over consecutive windows, then pick detections above threshold. */
export function detect(post: number[][], opts: KwsOptions = defaultKwsOptions): { index: number; label: string; score: number }[] {
  const hits: { index: number; label: string; score: number }[] = [];
  for (let i = 0; i < post.length; i++) {
    const lo = Math.max(0, i - opts.smoothWindow + 1);
    const avg = new Array(LABELS.length).fill(0);
    for (let j = lo; j <= i; j++) post[j].forEach((p, k) => (avg[k] += p / (i - lo + 1)));
    let best = 2;
    for (let k = 2; k < LABELS.length; k++) if (avg[k] > avg[best]) best = k;
    if (avg[best] >= opts.threshold) hits.push({ index: i, label: LABELS[best], score: avg[best] });
  }
  return hits;
}

async function demo(): Promise<void> {
  const opts = { ...defaultKwsOptions, frames: 20, units: 24 };
  const model = buildKwsModel(opts);
  // tiny synthetic training set: label k => frames biased on mel bin k
  const n = 96;
  const ids = tf.tensor1d(Array.from({ length: n }, (_, i) => i % LABELS.length), 'int32');
  const xs = tf.tidy(() => {
    const bias = tf.oneHot(ids, opts.melBins).mul(3).expandDims(1);
    return tf.randomNormal([n, opts.frames, opts.melBins], 0, 0.3).add(bias) as tf.Tensor3D;
  });
  const ys = tf.oneHot(ids, LABELS.length);
  await model.fit(xs, ys, { epochs: 25, batchSize: 32, verbose: 0 });

  const post = posteriors(model, xs.slice([0, 0, 0], [24, -1, -1]) as tf.Tensor3D);
  const rows = (await post.array()) as number[][];
  console.log('max posterior in stream:', Math.max(...rows.map((r) => Math.max(...r))).toFixed(3));
  console.log('detections:', detect(rows, { ...opts, smoothWindow: 1 }));
  tf.dispose([ids, xs, ys, post]);
}

if (require.main === module) {
  demo().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
