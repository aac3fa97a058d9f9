// expect: none
// Streaming keyword spotter: audio feature frames arrive one at a time, a GRU keeps running state between frames
import * as tf from '@tensorflow/tfjs';

const N_MFCC = 13;
const UNITS = 20;

class KeywordSpotter {
  private Wx: tf.Variable;
  private Wh: tf.Variable;
  private b: tf.Variable;
  private Wout: tf.Variable;
  private h: tf.Tensor2D;
  framesSeen = 0;

  constructor() {
    // weights would come from the trained checkpoint; random here
    this.Wx = tf.variable(tf.randomNormal([N_MFCC, 3 * UNITS], 0, 0.2));
    this.Wh = tf.variable(tf.randomNormal([UNITS, 3 * UNITS], 0, 0.2));
    this.b = tf.variable(tf.zeros([3 * UNITS]));
    this.Wout = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3));
    this.h = tf.zeros([1, UNITS]);
  }

  startUtterance() {
    this.h.dispose();
    this.h = tf.zeros([1, UNITS]);
    this.framesSeen = 0;
  }

  pushFrame(mfcc: number[]): number {
    const prob = tf.tidy(() => {
      const x = tf.tensor2d([mfcc], [1, N_MFCC]);
      const [xz, xr, xn] = tf.split(x.matMul(this.Wx).add(this.b), 3, 1);
      const [hz, hr, hn] = tf.split(this.h.matMul(this.Wh), 3, 1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const n = tf.tanh(xn.add(r.mul(hn)));
      const hNew = tf.sub(1, z).mul(n).add(z.mul(this.h)) as tf.Tensor2D;
      const old = this.h;
      this.h = tf.keep(hNew);
      old.dispose();
      return tf.sigmoid(hNew.matMul(this.Wout));
    });
    const p = prob.dataSync()[0];
    prob.dispose();
    this.framesSeen++;
    return p;
  }

  stateNorm(): number {
    return tf.tidy(() => this.h.norm().dataSync()[0]);
  }
}

function fakeMfccFrame(t: number, loud: boolean): number[] {
  return Array.from({ length: N_MFCC }, (_, k) => (loud ? Math.sin(t * 0.3 + k) : 0) + (Math.random() - 0.5) * 0.1);
}

async function main() {
  const spotter = new KeywordSpotter();
  const utterances = [
    { name: 'silence', loud: false },
    { name: 'hey-tf', loud: true },
    { name: 'noise', loud: false },
  ];
  for (const utt of utterances) {
    spotter.startUtterance();
    let maxP = 0;
    for (let t = 0; t < 50; t++) {
      const p = spotter.pushFrame(fakeMfccFrame(t, utt.loud));
      maxP = Math.max(maxP, p);
      if (t % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    console.log(`${utt.name.padEnd(8)} frames=${spotter.framesSeen} max p=${maxP.toFixed(3)} |h|=${spotter.stateNorm().toFixed(3)}`);
  }
  console.log('tensors:', tf.memory().numTensors);
}

main();
