// Sequence layers that try to keep their final state out of tf.tidy through helpers that do not keep it.
import * as tf from '@tensorflow/tfjs';

interface LstmState { h: tf.Tensor2D; c: tf.Tensor2D }

abstract class Runner<S> {
  state: S | null = null;
  protected abstract step(x: tf.Tensor2D, s: S): S;
  protected abstract zero(batch: number): S;
  protected abstract logState(s: S): void;

  carry(xs: tf.Tensor2D[]): void {
    tf.tidy(() => {
      let s = this.state ?? this.zero(xs[0]!.shape[0]);
      for (const x of xs) s = this.step(x, s);
      this.logState(s);
      this.state = s;
    //~~~~~~~~~~~~~~ tidy-disposed-state
    });
  }
}

export class LstmRunner extends Runner<LstmState> {
  constructor(private readonly W: tf.Tensor2D, private readonly units: number) { super(); }
  protected step(x: tf.Tensor2D, s: LstmState): LstmState {
    const [i, f, g, o] = tf.split(tf.matMul(tf.concat([x, s.h], 1), this.W), 4, 1);
    const c = tf.sigmoid(f!).mul(s.c).add(tf.sigmoid(i!).mul(tf.tanh(g!))) as tf.Tensor2D;
    return { h: tf.sigmoid(o!).mul(tf.tanh(c)) as tf.Tensor2D, c };
  }
  protected zero(batch: number): LstmState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }
  protected logState(s: LstmState): void {
    console.log('norms', tf.norm(s.h).dataSync()[0], tf.norm(s.c).dataSync()[0]);
  }
}
