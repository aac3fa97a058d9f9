// expect: state-leak
// Stateful LSTM anomaly scorer that feeds each sensor trace one timestep at a time through predict(); bug: resetStates() is never called between traces, so each trace starts from the previous trace's LSTM state.
import * as tf from '@tensorflow/tfjs';

export function buildScorer(features: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, stateful: true, batchInputShape: [1, 1, features] }));
  model.add(tf.layers.dense({ units: features }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}

export function scoreTraces(model: tf.Sequential, traces: number[][][]): number[] {
  const scores: number[] = [];
  for (const trace of traces) {
    let err = 0;
    for (let t = 0; t + 1 < trace.length; t++) {
      err += tf.tidy(() => {
        const x = tf.tensor3d([[trace[t]]]);
        const pred = model.predict(x) as tf.Tensor2D;
        const target = tf.tensor2d([trace[t + 1]]);
        return tf.losses.meanSquaredError(target, pred).dataSync()[0];
      });
    }
    scores.push(err / Math.max(1, trace.length - 1));
  }
  return scores;
}

export async function flagAnomalies(modelUrl: string, traces: number[][][], threshold = 0.05): Promise<number[]> {
  const model = (await tf.loadLayersModel(modelUrl)) as tf.Sequential;
  return scoreTraces(model, traces)
    .map((score, i) => (score > threshold ? i : -1))
    .filter((i) => i >= 0);
}
