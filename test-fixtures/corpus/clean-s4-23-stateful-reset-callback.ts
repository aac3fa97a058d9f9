// expect: none
// Stateful LSTM power-load forecaster: training batches carry consecutive windows of the same households, a tf.Callback resets states at every epoch end, and the batch-1 inference copy resets before each household's series.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 24;
const FEATURES = 3;

class ResetStatesEachEpoch extends tf.Callback {
  constructor(private readonly log?: (msg: string) => void) {
    super();
  }

  override async onEpochEnd(epoch: number, logs?: { [key: string]: number | tf.Scalar }): Promise<void> {
    this.model.resetStates();
    const loss = logs?.loss;
    const mse = loss === undefined ? NaN : typeof loss === 'number' ? loss : (await loss.data())[0];
    this.log?.(`epoch ${epoch} mse=${mse.toFixed(5)} (states reset)`);
  }
}

function buildStateful(batchSize: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 32,
    stateful: true,
    returnSequences: false,
    batchInputShape: [batchSize, WINDOW, FEATURES],
  }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}

// households: [H][T][FEATURES]; batch k holds window k of every household so state flows forward in time.
function interleave(households: number[][][], targetIdx = 0): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const nWindows = Math.floor((households[0].length - 1) / WINDOW);
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let w = 0; w < nWindows; w++) {
    for (const series of households) {
      xs.push(series.slice(w * WINDOW, (w + 1) * WINDOW));
      ys.push([series[(w + 1) * WINDOW][targetIdx]]);
    }
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

export async function trainForecaster(
  households: number[][][], epochs: number, log: (m: string) => void,
): Promise<tf.Sequential> {
  const model = buildStateful(households.length);
  const { xs, ys } = interleave(households);
  await model.fit(xs, ys, {
    epochs,
    batchSize: households.length,
    shuffle: false,
    callbacks: [new ResetStatesEachEpoch(log)],
  });
  tf.dispose([xs, ys]);
  return model;
}

export function forecastEach(trained: tf.Sequential, households: number[][][]): number[][] {
  const infer = buildStateful(1);
  infer.setWeights(trained.getWeights());
  const results: number[][] = [];
  for (const series of households) {
    infer.resetStates();
    const preds: number[] = [];
    for (let s = 0; s + WINDOW <= series.length; s += WINDOW) {
      const y = tf.tidy(() => infer.predict(tf.tensor3d([series.slice(s, s + WINDOW)])) as tf.Tensor);
      preds.push(y.dataSync()[0]);
      y.dispose();
    }
    results.push(preds);
  }
  infer.dispose();
  return results;
}
