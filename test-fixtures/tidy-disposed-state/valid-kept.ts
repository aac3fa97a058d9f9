// States made inside tf.tidy and kept before it returns, in the shapes tfjs-layers itself uses.
import * as tf from '@tensorflow/tfjs';

export class StatefulLayer {
  private states: tf.Tensor[] | null = null;
  private readonly units = 8;

  // Built, then replaced by kept clones before the callback ends (tfjs's RNN.resetStates).
  resetStates(batchSize: number): void {
    tf.tidy(() => {
      if (this.states == null) {
        this.states = [tf.zeros([batchSize, this.units])];
      } else {
        tf.dispose(this.states);
        this.states = [tf.zeros([batchSize, this.units])];
      }
      this.states = this.states.map((s) => tf.keep(s.clone()));
    });
  }

  // Every element kept through forEach.
  resetKeptInPlace(batchSize: number): void {
    tf.tidy(() => {
      this.states = [tf.zeros([batchSize, this.units]), tf.zeros([batchSize, this.units])];
      this.states.forEach((s) => tf.keep(s));
    });
  }

  current(): tf.Tensor[] | null {
    return this.states;
  }
}
