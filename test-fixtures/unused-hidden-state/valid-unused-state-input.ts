// Step models whose state input is read: as a recurrent layer's initialState, or concatenated
// with the token; and an unused input that is no state (a debugging id).
import * as tf from '@tensorflow/tfjs';

export function buildStepModel(units: number): tf.LayersModel {
  const tokIn = tf.input({ shape: [1, 8], name: 'token' });
  const stateIn = tf.input({ shape: [units], name: 'state' });
  const gru = tf.layers.gru({ units, returnState: true });
  const [out, stateOut] = gru.apply(tokIn, { initialState: [stateIn] }) as tf.SymbolicTensor[];
  return tf.model({ inputs: [tokIn, stateIn], outputs: [out!, stateOut!] });
}

export function buildConcat(units: number): tf.LayersModel {
  const x = tf.input({ shape: [8] });
  const hIn = tf.input({ shape: [units] });
  const joined = tf.layers.concatenate().apply([x, hIn]) as tf.SymbolicTensor;
  const hOut = tf.layers.dense({ units, activation: 'tanh' }).apply(joined) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, hIn], outputs: hOut });
}

export function buildWithTag(): tf.LayersModel {
  const x = tf.input({ shape: [8] });
  const requestId = tf.input({ shape: [1], name: 'request_id' });
  const y = tf.layers.dense({ units: 2 }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, requestId], outputs: y });
}
