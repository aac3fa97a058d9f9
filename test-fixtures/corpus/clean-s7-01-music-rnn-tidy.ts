// expect: none
// Melody continuation: primes a two-layer LSTM on a seed melody, then samples new notes one step at a time.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

type LSTMState = { c: tf.Tensor2D[]; h: tf.Tensor2D[] };

const MIN_PITCH = 48;
const MAX_PITCH = 83;
const REST = MAX_PITCH - MIN_PITCH + 1;
const NUM_CLASSES = REST + 1;

function disposeState(s: LSTMState | null) {
  if (s) {
    tf.dispose(s.c);
    tf.dispose(s.h);
  }
}

export class MelodyRnn {
  private cells: tf.LSTMCellFunc[] = [];
  private kernels: tf.Tensor2D[] = [];
  private biases: tf.Tensor1D[] = [];
  private forgetBias = tf.scalar(1.0);
  private fcW: tf.Tensor2D;
  private fcB: tf.Tensor1D;

  constructor(private readonly units = 64, numLayers = 2) {
    let inSize = NUM_CLASSES;
    for (let l = 0; l < numLayers; l++) {
      const kernel = tf.randomNormal([inSize + units, 4 * units], 0, 0.05) as tf.Tensor2D;
      const bias = tf.zeros([4 * units]) as tf.Tensor1D;
      this.kernels.push(kernel);
      this.biases.push(bias);
      this.cells.push((data: tf.Tensor2D, c: tf.Tensor2D, h: tf.Tensor2D) =>
        tf.basicLSTMCell(this.forgetBias, kernel, bias, data, c, h));
      inSize = units;
    }
    this.fcW = tf.randomNormal([units, NUM_CLASSES], 0, 0.05) as tf.Tensor2D;
    this.fcB = tf.zeros([NUM_CLASSES]) as tf.Tensor1D;
  }

  private pitchToIndex(pitch: number | null): number {
    if (pitch === null) return REST;
    return Math.min(Math.max(pitch, MIN_PITCH), MAX_PITCH) - MIN_PITCH;
  }

  private encode(index: number): tf.Tensor2D {
    return tf.oneHot(tf.tensor1d([index], 'int32'), NUM_CLASSES).toFloat() as tf.Tensor2D;
  }

  private zeroState(): LSTMState {
    return {
      c: this.cells.map(() => tf.zeros([1, this.units]) as tf.Tensor2D),
      h: this.cells.map(() => tf.zeros([1, this.units]) as tf.Tensor2D),
    };
  }

  /** Runs the seed through the network and hands back the final state. */
  private prime(indices: number[]): LSTMState {
    return tf.tidy(() => {
      let { c, h } = this.zeroState();
      for (const idx of indices) {
        [c, h] = tf.multiRNNCell(this.cells, this.encode(idx), c, h);
      }
      return { c, h };
    });
  }

  private step(index: number, state: LSTMState, temperature: number): { sample: tf.Tensor1D; state: LSTMState } {
    return tf.tidy(() => {
      const [c, h] = tf.multiRNNCell(this.cells, this.encode(index), state.c, state.h);
      const top = h[h.length - 1];
      const logits = tf.add(tf.matMul(top, this.fcW), this.fcB) as tf.Tensor2D;
      const sample = tf.multinomial(tf.div(logits, temperature) as tf.Tensor2D, 1).as1D();
      return { sample, state: { c, h } };
    });
  }

  async continueMelody(seed: Array<number | null>, steps: number, temperature = 1.0): Promise<Array<number | null>> {
    const indices = seed.map((p) => this.pitchToIndex(p));
    let state = this.prime(indices.slice(0, -1));
    let last = indices[indices.length - 1];
    const result: Array<number | null> = [];

    for (let i = 0; i < steps; i++) {
      const { sample, state: next } = this.step(last, state, temperature);
      disposeState(state);
      state = next;
      last = (await sample.data())[0];
      sample.dispose();
      result.push(last === REST ? null : last + MIN_PITCH);
    }
    disposeState(state);
    return result;
  }

  dispose() {
    tf.dispose([...this.kernels, ...this.biases, this.fcW, this.fcB, this.forgetBias]);
  }
}

// UI glue: the "continue" button hands the current melody to the model.
export async function onContinueClicked(model: MelodyRnn, melody: Array<number | null>) {
  const temperature = Number((document.getElementById('temp') as HTMLInputElement | null)?.value ?? '1');
  const continuation = await model.continueMelody(melody, 32, temperature);
  const out = document.getElementById('notes');
  if (out) out.textContent = continuation.map((p) => (p === null ? '-' : String(p))).join(' ');
}
