// Sequence layers that keep their final state out of tf.tidy through helpers: one lists the state's
// tensors, the other is a method each subclass implements.
import * as tf from '@tensorflow/tfjs';

interface LstmState { h: tf.Tensor2D; c: tf.Tensor2D }

abstract class Runner<S> {
  state: S | null = null;
  protected abstract step(x: tf.Tensor2D, s: S): S;
  protected abstract zero(batch: number): S;
  protected abstract keepState(s: S): void;
  protected abstract tensorsOf(s: S): tf.Tensor[];

  run(xs: tf.Tensor2D[]): S {
    let finalState: S | undefined;
    tf.tidy(() => {
      let s = this.zero(xs[0]!.shape[0]);
      for (const x of xs) s = this.step(x, s);
      this.tensorsOf(s).forEach((t) => tf.keep(t));
      finalState = s;
    });
    return finalState!;
  }

  carry(xs: tf.Tensor2D[]): void {
    tf.tidy(() => {
      let s = this.state ?? this.zero(xs[0]!.shape[0]);
      for (const x of xs) s = this.step(x, s);
      this.keepState(s);
      this.state = s;
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
  protected keepState(s: LstmState): void {
    tf.keep(s.h);
    tf.keep(s.c);
  }
  protected tensorsOf(s: LstmState): tf.Tensor[] {
    return [s.h, s.c];
  }
}
