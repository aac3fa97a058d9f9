// expect: none
// Streaming keyword spotter: a GRU consumes one audio feature frame per call and keeps its state between calls.
import * as tf from '@tensorflow/tfjs';

const N_MFCC = 13;
const UNITS = 32;

export class KeywordSpotter {
  private state: tf.Tensor2D;
  private readonly Wz: tf.Tensor2D; private readonly Uz: tf.Tensor2D;
  private readonly Wr: tf.Tensor2D; private readonly Ur: tf.Tensor2D;
  private readonly Wh: tf.Tensor2D; private readonly Uh: tf.Tensor2D;
  private readonly Wout: tf.Tensor2D;
  frames = 0;

  constructor(seed = 3) {
    const w = (r: number, c: number, s: number) => tf.randomNormal([r, c], 0, 0.3, 'float32', seed + s) as tf.Tensor2D;
    this.Wz = w(N_MFCC, UNITS, 1); this.Uz = w(UNITS, UNITS, 2);
    this.Wr = w(N_MFCC, UNITS, 3); this.Ur = w(UNITS, UNITS, 4);
    this.Wh = w(N_MFCC, UNITS, 5); this.Uh = w(UNITS, UNITS, 6);
    this.Wout = w(UNITS, 1, 7);
    this.state = tf.zeros([1, UNITS]);
  }

  // called when the microphone stream (re)starts
  reset(): void {
    this.state.dispose();
    this.state = tf.zeros([1, UNITS]);
    this.frames = 0;
  }

  // returns P(keyword) after this frame
  pushFrame(mfcc: number[]): number {
    const prev = this.state;
    const prob = tf.tidy(() => {
      const x = tf.tensor2d([mfcc]);
      const z = tf.sigmoid(x.matMul(this.Wz).add(prev.matMul(this.Uz)));
      const r = tf.sigmoid(x.matMul(this.Wr).add(prev.matMul(this.Ur)));
      const hTilde = tf.tanh(x.matMul(this.Wh).add(r.mul(prev).matMul(this.Uh)));
      const h = z.mul(prev).add(tf.sub(1, z).mul(hTilde)) as tf.Tensor2D;
      this.state = tf.keep(h);
      return tf.sigmoid(h.matMul(this.Wout)).dataSync()[0];
    });
    prev.dispose();
    this.frames++;
    return prob;
  }

  stateNorm(): number {
    return tf.tidy(() => tf.norm(this.state).dataSync()[0]);
  }
}

function fakeFrames(n: number, offset: number): number[][] {
  return Array.from({ length: n }, (_, t) =>
    Array.from({ length: N_MFCC }, (_, k) => Math.sin(0.3 * t + k + offset) * 0.8));
}

export function runStream(spotter: KeywordSpotter, utterances: number[][][]): number[] {
  const peaks: number[] = [];
  for (const frames of utterances) {
    spotter.reset();
    let peak = 0;
    for (const f of frames) peak = Math.max(peak, spotter.pushFrame(f));
    peaks.push(peak);
  }
  return peaks;
}

const spotter = new KeywordSpotter();
const before = tf.memory().numTensors;
const peaks = runStream(spotter, [fakeFrames(20, 0), fakeFrames(15, 1.5), fakeFrames(20, 0)]);
console.log('peaks', peaks.map((p) => p.toFixed(3)).join(' '), 'state norm', spotter.stateNorm().toFixed(3));
console.log('leaked tensors:', tf.memory().numTensors - before);
