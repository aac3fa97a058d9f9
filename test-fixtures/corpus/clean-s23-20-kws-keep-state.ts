// expect: none
// Streaming "stop"/"go" detector for the robot controller: per-frame LSTM update with a running state between callbacks.
import * as tf from '@tensorflow/tfjs';

export interface DetectorOptions {
  featDim?: number;
  units?: number;
  labels?: string[];
  threshold?: number;
}

export type Detection = { label: string; score: number; frame: number };

export function createDetector(opts: DetectorOptions = {}) {
  const featDim = opts.featDim ?? 32;
  const units = opts.units ?? 24;
  const labels = opts.labels ?? ['none', 'stop', 'go'];
  const threshold = opts.threshold ?? 0.8;

  const W = tf.randomNormal([featDim, 4 * units], 0, 0.2, 'float32', 31);
  const U = tf.randomNormal([units, 4 * units], 0, 0.2, 'float32', 32);
  const bias = tf.zeros([4 * units]);
  const Wout = tf.randomNormal([units, labels.length], 0, 0.4, 'float32', 33);

  let h: tf.Tensor2D = tf.zeros([1, units]);
  let c: tf.Tensor2D = tf.zeros([1, units]);
  let frame = 0;

  function onFrame(features: Float32Array): Detection | null {
    const probs = tf.tidy(() => {
      const x = tf.tensor2d(features, [1, featDim]);
      const [i, f, g, o] = tf.split(tf.matMul(x, W).add(tf.matMul(h, U)).add(bias), 4, 1);
      const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
      tf.dispose([h, c]);
      h = tf.keep(hNext);
      c = tf.keep(cNext);
      return tf.softmax(tf.matMul(hNext, Wout));
    });
    const p = probs.dataSync();
    probs.dispose();
    frame++;
    let best = 1;
    for (let k = 2; k < labels.length; k++) if (p[k] > p[best]) best = k;
    return p[best] >= threshold ? { label: labels[best], score: p[best], frame } : null;
  }

  function reset(): void {
    tf.dispose([h, c]);
    h = tf.zeros([1, units]);
    c = tf.zeros([1, units]);
    frame = 0;
  }

  function peekState(): number[] {
    return Array.from(h.dataSync());
  }

  return { onFrame, reset, peekState };
}

if (require.main === module) {
  const det = createDetector({ threshold: 0.35 });
  const hits: Detection[] = [];
  for (let t = 0; t < 40; t++) {
    const feats = Float32Array.from({ length: 32 }, (_, k) => Math.sin(0.15 * t * (1 + (k % 5))));
    const d = det.onFrame(feats);
    if (d) hits.push(d);
  }
  console.log('detections:', hits.length, hits.slice(0, 3));
  console.log('state[0..3]:', det.peekState().slice(0, 4).map((v) => v.toFixed(3)).join(' '));
  det.reset();
  console.log('tensors after reset:', tf.memory().numTensors);
}
