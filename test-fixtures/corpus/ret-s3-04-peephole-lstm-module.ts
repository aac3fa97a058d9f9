// expect: returns-input-state, stacked-activation
// Peephole LSTM module with forward(x, state) for a handwriting model; bugs: the candidate `g` is tanh of the sigmoid output `gate`, and forward returns `c: state.c` (the incoming cell state) instead of the computed `c`.
import * as tf from '@tensorflow/tfjs';

export interface PeepholeState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export class PeepholeLSTM {
  private readonly w: tf.Variable;
  private readonly b: tf.Variable;
  private readonly pI: tf.Variable;
  private readonly pF: tf.Variable;
  private readonly pO: tf.Variable;

  constructor(inputSize: number, private readonly hiddenSize: number) {
    this.w = tf.variable(tf.randomNormal([inputSize + hiddenSize, 4 * hiddenSize], 0, 0.05));
    this.b = tf.variable(tf.zeros([4 * hiddenSize]));
    [this.pI, this.pF, this.pO] = [0, 1, 2].map(() => tf.variable(tf.zeros([hiddenSize])));
  }

  initState(batch: number): PeepholeState {
    return { h: tf.zeros([batch, this.hiddenSize]), c: tf.zeros([batch, this.hiddenSize]) };
  }

  forward(x: tf.Tensor2D, state: PeepholeState): { y: tf.Tensor2D; state: PeepholeState } {
    return tf.tidy(() => {
      const z = tf.add(tf.matMul(tf.concat([x, state.h], 1), this.w as tf.Tensor2D), this.b);
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      const i = tf.sigmoid(tf.add(zi, tf.mul(state.c, this.pI)));
      const f = tf.sigmoid(tf.add(zf, tf.mul(state.c, this.pF)));
      const gate = tf.sigmoid(zg);
      const g = tf.tanh(gate);
      const c = tf.add(tf.mul(f, state.c), tf.mul(i, g)) as tf.Tensor2D;
      const o = tf.sigmoid(tf.add(zo, tf.mul(c, this.pO)));
      const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
      return { y: h, state: { h, c: state.c } };
    });
  }
}
