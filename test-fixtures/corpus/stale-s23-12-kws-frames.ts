// expect: stale-state
// Speech-command scorer for uploaded clips: runs an LSTM over MFCC frames and returns per-frame command scores.
import * as tf from '@tensorflow/tfjs';

export const COMMANDS = ['silence', 'play', 'pause', 'next', 'previous', 'volume_up', 'volume_down'];

type State = [tf.Tensor2D, tf.Tensor2D];

export class CommandScorer {
  private readonly lstm: tf.layers.RNNCell;
  private readonly head: tf.layers.Layer;
  private lastState: State | null = null;

  constructor(private readonly mfcc = 13, private readonly units = 32) {
    this.lstm = tf.layers.lstmCell({ units, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) });
    this.lstm.build([null, mfcc]);
    this.head = tf.layers.dense({ units: COMMANDS.length, activation: 'softmax' });
    this.head.build([null, units]);
  }

  private initialState(): State {
    return [tf.zeros([1, this.units]), tf.zeros([1, this.units])];
  }

  private step(frame: number[], state: State): { probs: tf.Tensor2D; next: State } {
    return tf.tidy(() => {
      const x = tf.tensor2d([frame], [1, this.mfcc]);
      // LSTMCell.call takes [input, h, c] and returns [output, h, c]
      const [out, h, c] = this.lstm.call([x, state[0], state[1]], {}) as tf.Tensor2D[];
      const probs = this.head.apply(out) as tf.Tensor2D;
      return { probs, next: [h, c] as State };
    });
  }

  /** frames: [T][mfcc]. Returns the per-frame probability rows. */
  scoreClip(frames: number[][]): number[][] {
    const state = this.initialState();
    const rows: number[][] = [];
    for (const frame of frames) {
      const { probs, next } = this.step(frame, state);
      rows.push(Array.from(probs.dataSync()));
      probs.dispose();
      if (this.lastState) tf.dispose(this.lastState);
      this.lastState = next;
    }
    tf.dispose(state);
    return rows;
  }

  /** Most confident non-silence command over the clip, or null. */
  bestCommand(frames: number[][], minScore = 0.4): { command: string; frame: number; score: number } | null {
    const rows = this.scoreClip(frames);
    let best: { command: string; frame: number; score: number } | null = null;
    rows.forEach((row, t) => {
      for (let k = 1; k < row.length; k++) {
        if (row[k] >= minScore && (!best || row[k] > best.score)) {
          best = { command: COMMANDS[k], frame: t, score: row[k] };
        }
      }
    });
    return best;
  }
}

if (require.main === module) {
  const scorer = new CommandScorer();
  const frames = Array.from({ length: 25 }, (_, t) =>
    Array.from({ length: 13 }, (_, k) => Math.cos(0.2 * t * (k + 1))));
  const rows = scorer.scoreClip(frames);
  console.log('frame 0 :', rows[0].map((v) => v.toFixed(3)).join(' '));
  console.log('frame 24:', rows[24].map((v) => v.toFixed(3)).join(' '));
  console.log('best:', scorer.bestCommand(frames, 0.1));
}
