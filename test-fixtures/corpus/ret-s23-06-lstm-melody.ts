// expect: returns-input-state
// Melody continuation: a hand-rolled LSTM over MIDI pitches that primes on a motif and then samples new notes.
import * as tf from '@tensorflow/tfjs';

const LOW = 48;
const HIGH = 84;
const VOCAB = HIGH - LOW + 1;

export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export class MelodyLstm {
  readonly units: number;
  private readonly kernel: tf.Tensor2D;
  private readonly recurrentKernel: tf.Tensor2D;
  private readonly bias: tf.Tensor1D;
  private readonly proj: tf.Tensor2D;

  constructor(units = 32, seed = 11) {
    this.units = units;
    this.kernel = tf.randomNormal([VOCAB, 4 * units], 0, 0.3, 'float32', seed);
    this.recurrentKernel = tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 1);
    // forget-gate bias of 1
    this.bias = tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]) as tf.Tensor1D;
    this.proj = tf.randomNormal([units, VOCAB], 0, 0.3, 'float32', seed + 2);
  }

  zeroState(): LstmState {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  step(pitch: number, state: LstmState): { logits: tf.Tensor2D; state: LstmState } {
    return tf.tidy(() => {
      const { h, c } = state;
      const x = tf.oneHot(tf.tensor1d([pitch - LOW], 'int32'), VOCAB).toFloat();
      const z = tf.matMul(x, this.kernel).add(tf.matMul(h, this.recurrentKernel)).add(this.bias);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
      const logits = tf.matMul(hNext, this.proj) as tf.Tensor2D;
      return { logits, state: { h: hNext, c } };
    });
  }
}

export async function continueMelody(lstm: MelodyLstm, motif: number[], length: number, seed = 5): Promise<number[]> {
  let state = lstm.zeroState();
  let logits: tf.Tensor2D = tf.zeros([1, VOCAB]);
  const used: tf.Tensor[] = [];
  const advance = (pitch: number) => {
    const out = lstm.step(pitch, state);
    used.push(state.h, state.c, logits);
    state = out.state;
    logits = out.logits;
  };
  motif.forEach(advance);

  const generated: number[] = [];
  for (let t = 0; t < length; t++) {
    const sample = tf.multinomial(logits, 1, seed + t);
    const pitch = LOW + (await sample.data())[0];
    sample.dispose();
    generated.push(pitch);
    advance(pitch);
  }
  tf.dispose([...used, state.h, state.c, logits]);
  return generated;
}

if (require.main === module) {
  const lstm = new MelodyLstm();
  const motif = [60, 62, 64, 65, 67, 65, 64, 62];
  continueMelody(lstm, motif, 16).then((notes) => console.log('continuation:', notes.join(' ')));
}
