// expect: returns-input-state
// Peephole LSTM step with a [h, c] state tuple; it computes cNext (and uses it for hNext) but returns [hNext, c], handing back the incoming cell state.
import * as tf from '@tensorflow/tfjs';

export type LstmState = [tf.Tensor2D, tf.Tensor2D];

export class PeepholeLSTM {
  readonly w: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;
  readonly peepI: tf.Variable<tf.Rank.R1>;
  readonly peepF: tf.Variable<tf.Rank.R1>;
  readonly peepO: tf.Variable<tf.Rank.R1>;

  constructor(readonly inputSize: number, readonly units: number) {
    this.w = tf.variable(tf.randomNormal([inputSize + units, 4 * units], 0, 0.1));
    this.b = tf.variable(tf.zeros([4 * units]));
    this.peepI = tf.variable(tf.zeros([units]));
    this.peepF = tf.variable(tf.zeros([units]));
    this.peepO = tf.variable(tf.zeros([units]));
  }

  zeroState(batch: number): LstmState {
    return [tf.zeros([batch, this.units]), tf.zeros([batch, this.units])];
  }

  step(x: tf.Tensor2D, state: LstmState): { y: tf.Tensor2D; state: LstmState } {
    const [h, c] = state;
    const z = tf.add(tf.matMul(tf.concat([x, h], 1), this.w), this.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(tf.add(zi, tf.mul(c, this.peepI)));
    const f = tf.sigmoid(tf.add(zf, tf.mul(c, this.peepF)));
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, tf.tanh(zg))) as tf.Tensor2D;
    const o = tf.sigmoid(tf.add(zo, tf.mul(cNext, this.peepO)));
    const hNext = tf.mul(o, tf.tanh(cNext)) as tf.Tensor2D;
    return { y: hNext, state: [hNext, c] };
  }

  variables(): tf.Variable[] {
    return [this.w, this.b, this.peepI, this.peepF, this.peepO];
  }
}

/** Learns to count: output at step t is (number of 1s seen so far) / T. */
export function trainCounter(iterations = 80, log: (s: string) => void = () => {}): PeepholeLSTM {
  const T = 15;
  const lstm = new PeepholeLSTM(1, 12);
  const readout = tf.variable(tf.randomNormal([12, 1], 0, 0.1));
  const opt = tf.train.adam(0.01);

  for (let it = 0; it < iterations; it++) {
    const bits = tf.tidy(() => tf.cast(tf.greater(tf.randomUniform([16, T, 1]), 0.5), 'float32'));
    const counts = tf.tidy(() => tf.div(tf.cumsum(bits, 1), T));
    const loss = opt.minimize(() => {
      let state = lstm.zeroState(16);
      const preds: tf.Tensor2D[] = [];
      const xs = tf.unstack(bits, 1) as tf.Tensor2D[];
      for (const x of xs) {
        const out = lstm.step(x, state);
        state = out.state;
        preds.push(tf.matMul(out.y, readout));
      }
      return tf.losses.meanSquaredError(counts, tf.stack(preds, 1)) as tf.Scalar;
    }, true, [...lstm.variables(), readout]);
    if (it % 20 === 0) log(`iter ${it}: ${loss?.dataSync()[0].toFixed(5)}`);
    tf.dispose([bits, counts, loss!]);
  }
  return lstm;
}
