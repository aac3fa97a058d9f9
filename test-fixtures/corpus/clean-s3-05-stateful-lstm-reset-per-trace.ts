// expect: none
// Stateful LSTM anomaly scorer that feeds each sensor trace one timestep at a time through predict(), calling resetStates() before every trace.
import * as tf from '@tensorflow/tfjs';

export function buildScorer(features: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, stateful: true, batchInputShape: [1, 1, features] }));
  model.add(tf.layers.dense({ units: features }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}

export function scoreTraces(model: tf.Sequential, traces: number[][][]): number[] {
  return traces.map((trace) => {
    model.resetStates();
    let err = 0;
    for (let t = 0; t + 1 < trace.length; t++) {
      err += tf.tidy(() => {
        const x = tf.tensor3d([[trace[t]]]);
        const pred = model.predict(x) as tf.Tensor2D;
        const target = tf.tensor2d([trace[t + 1]]);
        return tf.losses.meanSquaredError(target, pred).dataSync()[0];
      });
    }
    return err / Math.max(1, trace.length - 1);
  });
}

export async function flagAnomalies(modelUrl: string, traces: number[][][], threshold = 0.05): Promise<number[]> {
  const model = (await tf.loadLayersModel(modelUrl)) as tf.Sequential;
  return scoreTraces(model, traces).flatMap((score, i) => (score > threshold ? [i] : []));
}
