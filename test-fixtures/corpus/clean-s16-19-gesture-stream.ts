// expect: none
// online gesture classifier: GRU over accelerometer frames, with periodic state snapshots so the UI can rewind
import * as tf from '@tensorflow/tfjs';

const F = 3; // ax, ay, az
const H = 12;
const n_cls = 4;

class GestureStream {
  private W = tf.randomNormal([F, 3 * H], 0, 0.4, 'float32', 21);
  private U = tf.randomNormal([H, 3 * H], 0, 0.4, 'float32', 22);
  private b = tf.zeros([3 * H]);
  private W_cls = tf.randomNormal([H, n_cls], 0, 0.5, 'float32', 23);
  private h: tf.Tensor2D = tf.zeros([1, H]);
  private t = 0;
  readonly snapshots = new Map<number, tf.Tensor2D>();

  private gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, this.W), this.b) as tf.Tensor2D, 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.U) as tf.Tensor2D, 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const n = tf.tanh(tf.add(xn, tf.mul(tf.sigmoid(tf.add(xr, hr)), hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
  }

  // returns class probabilities after this frame
  push(frame: number[]): number[] {
    const [probs, h_new] = tf.tidy(() => {
      const h_next = this.gru(tf.tensor2d([frame]), this.h);
      if (this.t % 4 === 0) this.snapshots.set(this.t, tf.keep(h_next.clone()));
      return [tf.softmax(tf.matMul(h_next, this.W_cls)), h_next] as [tf.Tensor, tf.Tensor2D];
    });
    this.h.dispose();
    this.h = h_new;
    this.t++;
    const out = Array.from(probs.dataSync());
    probs.dispose();
    return out;
  }

  rewind(to: number): void {
    const snap = this.snapshots.get(to);
    if (!snap) throw new Error(`no snapshot at ${to}`);
    this.h.dispose();
    this.h = snap.clone();
    this.t = to + 1;
    for (const [k, v] of this.snapshots) if (k > to) { v.dispose(); this.snapshots.delete(k); }
  }

  reset(): void {
    this.h.dispose();
    this.h = tf.zeros([1, H]);
    this.t = 0;
    this.snapshots.forEach((v) => v.dispose());
    this.snapshots.clear();
  }
}

function synthetic_frames(n: number, kind: number): number[][] {
  return Array.from({ length: n }, (_, t) => [Math.sin(0.5 * t * (kind + 1)), Math.cos(0.3 * t), kind * 0.2]);
}

const stream = new GestureStream();
const frames = synthetic_frames(12, 2);
const first_pass = frames.map((f) => stream.push(f));
console.log('probs after 12 frames', first_pass[11].map((p) => p.toFixed(4)).join(' '));

// experiment: rewind to frame 4 and replay the rest -> must reproduce the first pass exactly
stream.rewind(4);
const replay = frames.slice(5).map((f) => stream.push(f));
const diff = Math.max(...replay.map((p, i) => Math.max(...p.map((v, k) => Math.abs(v - first_pass[i + 5][k])))));
console.log('max |replay - first pass|', diff.toExponential(2), 'snapshots', [...stream.snapshots.keys()].join(','));

// a new gesture starts from scratch
stream.reset();
const other = synthetic_frames(12, 0).map((f) => stream.push(f));
console.log('other gesture probs', other[11].map((p) => p.toFixed(4)).join(' '), 'tensors', tf.memory().numTensors);
