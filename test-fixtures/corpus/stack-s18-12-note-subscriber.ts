// expect: stacked-activation
// Live jam assistant: subscribes to a note-on event feed and keeps a GRU block's guess for the next pitch class.
import * as tf from '@tensorflow/tfjs';

type ActivationName = 'tanh' | 'relu' | 'linear';

const activations: Record<ActivationName, (t: tf.Tensor2D) => tf.Tensor2D> = {
  tanh: (t) => tf.tanh(t),
  relu: (t) => tf.relu(t),
  linear: (t) => t,
};

export class GruBlock {
  private readonly W: tf.Tensor2D;
  private readonly U: tf.Tensor2D;
  private readonly Un: tf.Tensor2D;
  private readonly act: (t: tf.Tensor2D) => tf.Tensor2D;

  constructor(readonly inputDim: number, readonly units: number, opts: { activation?: ActivationName; seed?: number } = {}) {
    const seed = opts.seed ?? 0;
    this.W = tf.randomNormal([inputDim, 3 * units], 0, 0.3, 'float32', seed);
    this.U = tf.randomNormal([units, 2 * units], 0, 0.3, 'float32', seed + 1);
    this.Un = tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 2);
    this.act = activations[opts.activation ?? 'tanh'];
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const [xz, xr, xn] = tf.split(tf.matMul(x, this.W), 3, 1) as tf.Tensor2D[];
      const [hz, hr] = tf.split(tf.matMul(h, this.U), 2, 1) as tf.Tensor2D[];
      const z = tf.sigmoid(tf.add(xz, hz));
      const r = tf.sigmoid(tf.add(xr, hr));
      const n = tf.tanh(tf.add(xn, tf.matMul(tf.mul(r, h), this.Un))) as tf.Tensor2D;
      const candidate = this.act(n);
      return tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, candidate)) as tf.Tensor2D;
    });
  }
}

type NoteOn = { pitch: number; velocity: number; t: number };

export class NoteFeed {
  private subs: Array<(n: NoteOn) => void> = [];
  subscribe(fn: (n: NoteOn) => void): () => void {
    this.subs.push(fn);
    return () => {
      this.subs = this.subs.filter((s) => s !== fn);
    };
  }
  publish(n: NoteOn): void {
    this.subs.forEach((s) => s(n));
  }
}

export function attachJamAssistant(feed: NoteFeed, onGuess: (pitchClass: number, p: number) => void) {
  const block = new GruBlock(13, 24, { activation: 'relu', seed: 50 });
  const readout = tf.randomNormal([24, 12], 0, 0.4, 'float32', 60) as tf.Tensor2D;
  const state = { h: tf.zeros([1, 24]) as tf.Tensor2D };

  const unsubscribe = feed.subscribe(({ pitch, velocity }) => {
    const onehot = new Array(13).fill(0);
    onehot[pitch % 12] = 1;
    onehot[12] = velocity / 127;
    const x = tf.tensor2d([onehot]);
    const hNew = block.step(x, state.h);
    x.dispose();
    state.h.dispose();
    state.h = hNew;

    const probs = tf.tidy(() => tf.softmax(tf.matMul(hNew, readout)).dataSync());
    let best = 0;
    for (let i = 1; i < 12; i++) if (probs[i] > probs[best]) best = i;
    onGuess(best, probs[best]);
  });

  return () => {
    unsubscribe();
    state.h.dispose();
  };
}

if (require.main === module) {
  const feed = new NoteFeed();
  const names = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
  const stop = attachJamAssistant(feed, (pc, p) => console.log(`next: ${names[pc]} (${p.toFixed(2)})`));
  [60, 64, 67, 72, 67, 64, 60].forEach((pitch, t) => feed.publish({ pitch, velocity: 90, t }));
  stop();
}
