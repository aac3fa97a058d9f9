// A keyword spotter scoring a clip frame by frame with an LSTM cell.
import * as tf from '@tensorflow/tfjs';

type State = [tf.Tensor2D, tf.Tensor2D];

export class Spotter {
  private lastState: State | null = null;
  constructor(private readonly lstm: tf.layers.RNNCell, private readonly head: tf.layers.Layer, private readonly units: number) {}

  private step(frame: tf.Tensor2D, state: State): { probs: tf.Tensor2D; next: State } {
    return tf.tidy(() => {
      const [out, h, c] = this.lstm.call([frame, state[0], state[1]], {}) as tf.Tensor2D[];
      return { probs: this.head.apply(out!) as tf.Tensor2D, next: [h!, c!] as State };
    });
  }

  scoreClip(frames: tf.Tensor2D[]): tf.Tensor2D[] {
    const state: State = [tf.zeros([1, this.units]), tf.zeros([1, this.units])];
    const rows: tf.Tensor2D[] = [];
    for (const frame of frames) {
      const { probs, next } = this.step(frame, state);
      //                                       ~~~~~ stale-state
      rows.push(probs);
      this.lastState = next;
    }
    return rows;
  }
}
