// expect: stacked-activation, returns-input-state
// Bassline generator for the groove app: LSTM over the previous note and the current chord root picks the next note.
import * as tf from '@tensorflow/tfjs';

const NOTES = 25; // two octaves E1..E3 in semitones
const ROOTS = 12;

interface State {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export interface BasslineConfig {
  units: number;
  temperature: number;
  seed: number;
}

const DEFAULTS: BasslineConfig = { units: 32, temperature: 0.8, seed: 2 };

export class BasslineModel {
  readonly cfg: BasslineConfig;
  private readonly kernel: tf.Tensor2D;
  private readonly recurrent: tf.Tensor2D;
  private readonly bias: tf.Tensor1D;
  private readonly noteHead: tf.layers.Layer;

  constructor(cfg: Partial<BasslineConfig> = {}) {
    this.cfg = { ...DEFAULTS, ...cfg };
    const { units, seed } = this.cfg;
    this.kernel = tf.randomNormal([NOTES + ROOTS, 4 * units], 0, 0.3, 'float32', seed);
    this.recurrent = tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 1);
    this.bias = tf.zeros([4 * units]);
    this.noteHead = tf.layers.dense({
      units: NOTES,
      activation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotNormal({ seed: seed + 2 }),
    });
  }

  initialState(): State {
    return { h: tf.zeros([1, this.cfg.units]), c: tf.zeros([1, this.cfg.units]) };
  }

  step(prevNote: number, chordRoot: number, state: State): { probs: tf.Tensor2D; state: State } {
    return tf.tidy(() => {
      const x = tf.concat([
        tf.oneHot([prevNote], NOTES).toFloat(),
        tf.oneHot([chordRoot % ROOTS], ROOTS).toFloat(),
      ], 1);
      const z = tf.matMul(x, this.kernel).add(tf.matMul(state.h, this.recurrent)).add(this.bias);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
      const scores = this.noteHead.apply(hNext) as tf.Tensor2D;
      const probs = tf.softmax(scores.div(this.cfg.temperature)) as tf.Tensor2D;
      return { probs, state: { ...state, h: hNext } };
    });
  }
}

/** chords: one root (0-11) per beat. Returns one bass note (0-24) per beat. */
export async function generateBassline(model: BasslineModel, chords: number[], firstNote = 0): Promise<number[]> {
  let state = model.initialState();
  let note = firstNote;
  const line: number[] = [];
  for (const [beat, root] of chords.entries()) {
    const { probs, state: next } = model.step(note, root, state);
    const sample = tf.tidy(() => tf.multinomial(tf.log(probs) as tf.Tensor2D, 1, model.cfg.seed + beat));
    note = (await sample.data())[0];
    line.push(note);
    tf.dispose([probs, sample]);
    state.h.dispose();
    state = next;
  }
  return line;
}

const NAMES = ['E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B', 'C', 'C#', 'D', 'D#'];
export const noteName = (n: number) => `${NAMES[n % 12]}${1 + Math.floor((n + 4) / 12)}`;

if (require.main === module) {
  const model = new BasslineModel();
  // ii-V-I-vi in C, two beats each, repeated twice
  const chords = [2, 2, 7, 7, 0, 0, 9, 9, 2, 2, 7, 7, 0, 0, 9, 9];
  generateBassline(model, chords).then((line) => console.log(line.map(noteName).join(' ')));
}
