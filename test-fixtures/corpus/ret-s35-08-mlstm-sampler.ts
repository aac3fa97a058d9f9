// expect: returns-input-state
// Byte-level multiplicative LSTM (Krause et al., 2016): scoring text in bits per byte and sampling continuations.
import * as tf from '@tensorflow/tfjs';

interface MState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

const BYTES = 256;

export class MultiplicativeLSTM {
  readonly Wmx: tf.Variable<tf.Rank.R2>;
  readonly Wmh: tf.Variable<tf.Rank.R2>;
  readonly Wx: tf.Variable<tf.Rank.R2>;
  readonly Wm: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;

  constructor(readonly inputDim: number, readonly units: number) {
    const w = (rows: number, cols: number) => tf.variable(tf.randomNormal<tf.Rank.R2>([rows, cols], 0, 1 / Math.sqrt(rows)));
    this.Wmx = w(inputDim, units);
    this.Wmh = w(units, units);
    this.Wx = w(inputDim, 4 * units);
    this.Wm = w(units, 4 * units);
    this.b = tf.variable(tf.zeros([4 * units]));
  }

  zeroState(batch = 1): MState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  step(x: tf.Tensor2D, state: MState): MState {
    const { h, c } = state;
    // m_t = (W_mx x_t) ⊙ (W_mh h_{t-1}) replaces h_{t-1} in every gate
    const m = tf.mul(tf.matMul(x, this.Wmx), tf.matMul(h, this.Wmh));
    const z = tf.add(tf.add(tf.matMul(x, this.Wx), tf.matMul(m, this.Wm)), this.b);
    const [zi, zf, zo, zu] = tf.split(z, 4, 1);
    const cNext: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zu)));
    const hNext: tf.Tensor2D = tf.mul(tf.sigmoid(zo), tf.tanh(cNext));
    return { h: hNext, c };
  }
}

export class ByteModel {
  readonly embed: tf.Variable<tf.Rank.R2>;
  readonly cell: MultiplicativeLSTM;
  readonly Wout: tf.Variable<tf.Rank.R2>;
  readonly bout: tf.Variable<tf.Rank.R1>;

  constructor(embedDim = 64, units = 512) {
    this.embed = tf.variable(tf.randomNormal([BYTES, embedDim], 0, 0.1));
    this.cell = new MultiplicativeLSTM(embedDim, units);
    this.Wout = tf.variable(tf.randomNormal([units, BYTES], 0, 0.02));
    this.bout = tf.variable(tf.zeros([BYTES]));
  }

  private input(byte: number): tf.Tensor2D {
    return tf.gather(this.embed, [byte]);
  }

  private logits(h: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.matMul(h, this.Wout), this.bout);
  }

  bitsPerByte(text: string): number {
    const bytes = Array.from(new TextEncoder().encode(text));
    const nats = tf.tidy(() => {
      let state = this.cell.zeroState();
      const losses: tf.Scalar[] = [];
      for (let t = 0; t + 1 < bytes.length; t++) {
        state = this.cell.step(this.input(bytes[t]), state);
        const target = tf.oneHot([bytes[t + 1]], BYTES);
        losses.push(tf.losses.softmaxCrossEntropy(target, this.logits(state.h)) as tf.Scalar);
      }
      return tf.mean(tf.stack(losses));
    });
    const value = nats.dataSync()[0] / Math.LN2;
    nats.dispose();
    return value;
  }

  generate(seed: string, length: number, temperature = 0.8): string {
    const seedBytes = Array.from(new TextEncoder().encode(seed));
    const out = tf.tidy(() => {
      let state = this.cell.zeroState();
      for (const byte of seedBytes) state = this.cell.step(this.input(byte), state);
      const sampled: number[] = [];
      for (let i = 0; i < length; i++) {
        const scaled = tf.div(this.logits(state.h), temperature) as tf.Tensor2D;
        const next = tf.multinomial(scaled, 1).dataSync()[0];
        sampled.push(next);
        state = this.cell.step(this.input(next), state);
      }
      return sampled;
    });
    return new TextDecoder().decode(Uint8Array.from([...seedBytes, ...out]));
  }
}

const model = new ByteModel(32, 128);
console.log('bits/byte on a probe sentence:', model.bitsPerByte('This product exceeded my expectations.').toFixed(3));
console.log(model.generate('The movie was ', 60));
