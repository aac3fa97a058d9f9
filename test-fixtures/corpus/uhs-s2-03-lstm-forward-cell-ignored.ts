// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

export interface LSTMState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export class LSTMCellModule {
  private W: tf.Variable;
  private U: tf.Variable;
  private b: tf.Variable;

  constructor(inputSize: number, private hiddenSize: number) {
    this.W = tf.variable(tf.randomNormal([inputSize, 4 * hiddenSize], 0, 0.08));
    this.U = tf.variable(tf.randomNormal([hiddenSize, 4 * hiddenSize], 0, 0.08));
    this.b = tf.variable(tf.zeros([4 * hiddenSize]));
  }

  initHidden(batch: number): LSTMState {
    return { h: tf.zeros([batch, this.hiddenSize]), c: tf.zeros([batch, this.hiddenSize]) };
  }

  forward(input: tf.Tensor2D, hidden: LSTMState): LSTMState {
    const { h, c } = hidden;
    const gates = input.matMul(this.W).add(h.matMul(this.U)).add(this.b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const inGate = tf.sigmoid(i);
    const forgetGate = tf.sigmoid(f);
    const outGate = tf.sigmoid(o);
    const cand = tf.tanh(g);
    const cNext = inGate.mul(cand) as tf.Tensor2D;
    const hNext = outGate.mul(tf.tanh(cNext)) as tf.Tensor2D;
    return { h: hNext, c: cNext };
  }
}
