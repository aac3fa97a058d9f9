// A recurrent cell whose activation is chosen by name; the default is tanh.
import * as tf from '@tensorflow/tfjs';

type Activation = 'tanh' | 'relu' | 'sigmoid';

function activate(t: tf.Tensor, kind: Activation): tf.Tensor {
  switch (kind) {
    case 'relu': return tf.relu(t);
    case 'sigmoid': return tf.sigmoid(t);
    default: return tf.tanh(t);
  }
}

export class ConfigurableRnn {
  private readonly W = tf.randomNormal([8, 8]);
  constructor(private readonly act: Activation = 'tanh') {}

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const hIn = activate(h, this.act);
    //          ~~~~~~~~~~~~~~~~~~~~~ stacked-activation
    return activate(x.add(hIn.matMul(this.W)), this.act) as tf.Tensor2D;
  }
}

export const rnn = new ConfigurableRnn();
