// A step model built with the functional API declares a state input that no layer reads: the
// state fed in at every step never reaches the outputs.
import * as tf from '@tensorflow/tfjs';

export function buildStepModel(units: number): tf.LayersModel {
  const tokIn = tf.input({ shape: [1, 8], name: 'token' });
  const stateIn = tf.input({ shape: [units], name: 'state' });
  const gru = tf.layers.gru({ units, returnState: true });
  const [out, stateOut] = gru.apply(tokIn) as tf.SymbolicTensor[];
  return tf.model({ inputs: [tokIn, stateIn], outputs: [out!, stateOut!] });
//                                  ~~~~~~~ unused-hidden-state
}

export function buildNamedOnly(units: number): tf.LayersModel {
  const x = tf.input({ shape: [1, 8] });
  const carried = tf.input({ shape: [units], name: 'hidden' });
  const lstm = tf.layers.lstm({ units });
  const dense = tf.layers.dense({ units: 4 });
  const y = dense.apply(lstm.apply(x) as tf.SymbolicTensor) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, carried], outputs: y });
//                              ~~~~~~~ unused-hidden-state
}
