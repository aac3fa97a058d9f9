// expect: tidy-disposed-state
// Streaming anomaly scorer on a dilated RNN (Chang et al., 2017): per-layer state histories kept in a Map between samples.
import * as tf from '@tensorflow/tfjs';

interface DilatedLayer {
  dilation: number;
  units: number;
  W: tf.Variable<tf.Rank.R2>;
  U: tf.Variable<tf.Rank.R2>;
  b: tf.Variable<tf.Rank.R1>;
}

function makeLayer(inDim: number, units: number, dilation: number): DilatedLayer {
  return {
    dilation,
    units,
    W: tf.variable(tf.randomNormal([inDim, units], 0, 1 / Math.sqrt(inDim))),
    U: tf.variable(tf.randomNormal([units, units], 0, 1 / Math.sqrt(units))),
    b: tf.variable(tf.zeros([units])),
  };
}

export class StreamingDilatedRNN {
  private readonly layers: DilatedLayer[];
  // layer index -> the last `dilation` hidden states of that layer, oldest first
  private readonly history = new Map<number, tf.Tensor2D[]>();
  private readonly Wo: tf.Variable<tf.Rank.R2>;
  private readonly bo: tf.Variable<tf.Rank.R1>;

  constructor(inDim: number, units = 32, dilations = [1, 2, 4, 8, 16]) {
    this.layers = dilations.map((d, l) => makeLayer(l === 0 ? inDim : units, units, d));
    this.Wo = tf.variable(tf.randomNormal([units, 1], 0, 0.1));
    this.bo = tf.variable(tf.zeros([1]));
    this.reset();
  }

  reset(): void {
    for (const states of this.history.values()) tf.dispose(states);
    this.history.clear();
    this.layers.forEach((_, l) => this.history.set(l, []));
  }

  // Returns an anomaly score in [0, 1] for one multivariate sample.
  push(sample: number[]): number {
    const score = tf.tidy(() => {
      let inp = tf.tensor2d([sample]);
      this.layers.forEach((layer, l) => {
        const past = this.history.get(l)!;
        const hPrev = past.length >= layer.dilation ? past[past.length - layer.dilation] : tf.zeros([1, layer.units]);
        const h: tf.Tensor2D = tf.tanh(tf.add(tf.add(tf.matMul(inp, layer.W), tf.matMul(hPrev, layer.U)), layer.b));
        past.push(h);
        if (past.length > layer.dilation) past.shift();
        inp = h;
      });
      return tf.sigmoid(tf.add(tf.matMul(inp, this.Wo), this.bo));
    });
    const value = score.dataSync()[0];
    score.dispose();
    return value;
  }
}

function machineTrace(length: number, faultAt: number): number[][] {
  return Array.from({ length }, (_, t) => {
    const vib = Math.sin(t / 5) + 0.1 * Math.random();
    const temp = 0.5 + 0.001 * t + (t > faultAt ? 0.4 : 0);
    const current = 1 + 0.05 * Math.random() + (t > faultAt ? 0.3 * Math.sin(t) : 0);
    return [vib, temp, current];
  });
}

const scorer = new StreamingDilatedRNN(3);
const machines = new Map<string, number[][]>([
  ['press-01', machineTrace(300, 220)],
  ['press-02', machineTrace(300, 1000)],
  ['lathe-07', machineTrace(300, 150)],
]);

for (const [id, trace] of machines) {
  scorer.reset();
  const scores = trace.map((row) => scorer.push(row));
  const peak = scores.reduce((best, s, t) => (s > best.s ? { s, t } : best), { s: -1, t: -1 });
  console.log(`${id}: peak anomaly score ${peak.s.toFixed(3)} at t=${peak.t}`);
}
