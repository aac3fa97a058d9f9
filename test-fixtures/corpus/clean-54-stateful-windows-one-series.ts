// expect: none
// A stateful LSTM forecaster walks ONE long series window by window: carrying the state between
// windows is the point of `stateful: true`; it is reset once per series.
import * as tf from '@tensorflow/tfjs';

const windowSize = 24;
const forecaster = tf.sequential();
forecaster.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, windowSize, 1] }));
forecaster.add(tf.layers.dense({ units: 1 }));

export function forecastSeries(series: Float32Array): number[] {
  forecaster.resetStates();
  const preds: number[] = [];
  for (let offset = 0; offset + windowSize <= series.length; offset += windowSize) {
    const x = tf.tensor3d(series.subarray(offset, offset + windowSize), [1, windowSize, 1]);
    const y = forecaster.predict(x) as tf.Tensor;
    preds.push(y.dataSync()[0]);
    tf.dispose([x, y]);
  }
  return preds;
}
