// A recurrent layer given its starting state under a key it never reads: the Keras name, a plural,
// a shorthand. tfjs ignores unknown options, so the state passed never reaches the layer.
import * as tf from '@tensorflow/tfjs';

const gru = tf.layers.gru({ units: 8, returnState: true });

export function advance(x: tf.Tensor3D, hidden: tf.Tensor2D): tf.Tensor[] {
  return gru.apply(x, { initialStates: [hidden] }) as tf.Tensor[];
//                      ~~~~~~~~~~~~~ unused-hidden-state
}

export class Encoder {
  private readonly lstm = tf.layers.lstm({ units: 8, returnState: true });

  encode(x: tf.Tensor3D, h: tf.Tensor2D, c: tf.Tensor2D): tf.Tensor[] {
    return this.lstm.apply(x, { 'initial_state': [h, c] }) as tf.Tensor[];
//                              ~~~~~~~~~~~~~~~ unused-hidden-state
  }

  resume(x: tf.Tensor3D, hiddenState: tf.Tensor2D[]): tf.Tensor[] {
    return this.lstm.apply(x, { hiddenState }) as tf.Tensor[];
//                              ~~~~~~~~~~~ unused-hidden-state
  }
}
