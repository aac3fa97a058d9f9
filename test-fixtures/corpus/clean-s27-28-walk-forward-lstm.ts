// expect: none
// Walk-forward validation of an LSTM return forecaster: train on an expanding window, test on the next block, roll forward.
import * as tf from '@tensorflow/tfjs';

const LOOKBACK = 12;

export interface FoldResult {
  fold: number;
  trainSize: number;
  testSize: number;
  mse: number;
  hitRate: number;
}

function windows(returns: number[], from: number, to: number): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = Math.max(from, LOOKBACK); i < to; i++) {
    xs.push(returns.slice(i - LOOKBACK, i).map((r) => [r * 100]));
    ys.push([returns[i] * 100]);
  }
  return { x: tf.tensor3d(xs, [xs.length, LOOKBACK, 1]), y: tf.tensor2d(ys, [ys.length, 1]) };
}

function freshModel(seed: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, inputShape: [LOOKBACK, 1], kernelInitializer: tf.initializers.glorotUniform({ seed }) }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

export async function walkForward(returns: number[], initial: number, block: number, epochs = 3): Promise<FoldResult[]> {
  const results: FoldResult[] = [];
  let fold = 0;
  for (let end = initial; end + block <= returns.length; end += block) {
    const train = windows(returns, 0, end);
    const test = windows(returns, end, end + block);
    const model = freshModel(300 + fold);
    await model.fit(train.x, train.y, { epochs, batchSize: 32, verbose: 0 });

    const pred = model.predict(test.x) as tf.Tensor2D;
    const [p, y] = await Promise.all([pred.data(), test.y.data()]);
    let se = 0;
    let hits = 0;
    for (let i = 0; i < p.length; i++) {
      se += (p[i] - y[i]) ** 2;
      if (Math.sign(p[i]) === Math.sign(y[i])) hits++;
    }
    results.push({ fold, trainSize: train.x.shape[0], testSize: p.length, mse: se / p.length, hitRate: hits / p.length });

    tf.dispose([train.x, train.y, test.x, test.y, pred]);
    model.dispose();
    fold++;
  }
  return results;
}

export function syntheticReturns(n: number): number[] {
  const out: number[] = [];
  let ar = 0;
  for (let i = 0; i < n; i++) {
    const noise = (Math.sin(i * 91.7) * 1e4) % 1;
    ar = 0.3 * ar + 0.004 * noise + 0.002 * Math.sin(i / 10);
    out.push(ar);
  }
  return out;
}

if (require.main === module) {
  walkForward(syntheticReturns(360), 200, 40).then((folds) => {
    for (const f of folds) {
      console.log(`fold ${f.fold}: train=${f.trainSize} test=${f.testSize} mse=${f.mse.toFixed(4)} hit=${(f.hitRate * 100).toFixed(1)}%`);
    }
  });
}
