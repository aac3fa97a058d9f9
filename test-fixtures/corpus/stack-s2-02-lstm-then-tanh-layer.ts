// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export function buildForecaster(lookback: number, features: number): tf.LayersModel {
  const input = tf.input({ shape: [lookback, features] });
  const encoded = tf.layers.lstm({ units: 48, returnSequences: false }).apply(input) as tf.SymbolicTensor;
  const squashed = tf.layers.activation({ activation: 'tanh' }).apply(encoded) as tf.SymbolicTensor;
  const dropped = tf.layers.dropout({ rate: 0.2 }).apply(squashed) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 1 }).apply(dropped) as tf.SymbolicTensor;

  const model = tf.model({ inputs: input, outputs: out });
  model.compile({ optimizer: tf.train.adam(5e-4), loss: 'meanAbsoluteError' });
  return model;
}

export async function trainForecaster(
  model: tf.LayersModel,
  xs: tf.Tensor3D,
  ys: tf.Tensor2D,
): Promise<number> {
  const hist = await model.fit(xs, ys, {
    epochs: 30,
    batchSize: 64,
    validationSplit: 0.1,
  });
  const losses = hist.history.val_loss as number[];
  return losses[losses.length - 1];
}
