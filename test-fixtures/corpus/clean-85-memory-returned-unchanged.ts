// expect: none
// The encoder memory rides along as a second "state" so tf.layers.rnn hands it to every step;
// the cell returns it unchanged on purpose (it computes no new memory), while h advances.
import * as tf from '@tensorflow/tfjs';

export class MemoryReaderCell extends tf.layers.RNNCell {
  static className = 'MemoryReaderCell';
  stateSize: number[];
  private readonly Wx: tf.Variable;
  private readonly Wh: tf.Variable;
  private readonly Wc: tf.Variable;

  constructor(private readonly units: number, inputDim: number, memoryDim: number) {
    super({});
    this.stateSize = [units, memoryDim];
    this.Wx = tf.variable(tf.randomNormal([inputDim, units], 0, 0.1));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.1));
    this.Wc = tf.variable(tf.randomNormal([memoryDim, units], 0, 0.1));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h, memory] = inputs as tf.Tensor2D[];
      const hNew = tf.tanh(tf.matMul(x, this.Wx).add(tf.matMul(h, this.Wh)).add(tf.matMul(memory, this.Wc)));
      return [hNew, hNew, memory];
    });
  }
}
