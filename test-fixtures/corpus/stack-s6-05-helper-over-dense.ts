// expect: stacked-activation
// A review polarity scorer: a GRU layer reads token embeddings, a dense head scores the final state and a small helper maps it to a [-1, 1] polarity.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 20000;
const MAX_LEN = 200;

const embed = tf.layers.embedding({ inputDim: VOCAB, outputDim: 64, maskZero: true });
const encoder = tf.layers.gru({ units: 64, recurrentDropout: 0 });
const head = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'polarity_head' });

const toPolarity = (t: tf.Tensor): tf.Tensor => tf.tanh(t);

function pad(ids: number[]): number[] {
  const out = ids.slice(0, MAX_LEN);
  while (out.length < MAX_LEN) out.push(0);
  return out;
}

export function polarity(batchIds: number[][]): tf.Tensor {
  return tf.tidy(() => {
    const ids = tf.tensor2d(batchIds.map(pad), [batchIds.length, MAX_LEN], 'int32');
    const e = embed.apply(ids) as tf.Tensor;
    const state = encoder.apply(e) as tf.Tensor;
    const score = head.apply(state) as tf.Tensor;
    return toPolarity(score);
  });
}

const optimizer = tf.train.adam(1e-3);

// run one dummy batch so the layers create their weights before minimize() collects variables
export function warmUp(): void {
  polarity([[1]]).dispose();
}

export function trainStep(batchIds: number[][], targets: number[]): number {
  const cost = optimizer.minimize(() => {
    const pred = polarity(batchIds);
    const y = tf.tensor2d(targets, [targets.length, 1]);
    return tf.losses.meanSquaredError(y, pred) as tf.Scalar;
  }, true);
  const value = cost!.dataSync()[0];
  cost!.dispose();
  return value;
}

export async function trainAll(
  data: Array<{ ids: number[]; polarity: number }>,
  epochs: number,
  batchSize = 32,
): Promise<void> {
  warmUp();
  for (let e = 0; e < epochs; e++) {
    tf.util.shuffle(data);
    let total = 0;
    let n = 0;
    for (let i = 0; i < data.length; i += batchSize) {
      const batch = data.slice(i, i + batchSize);
      total += trainStep(batch.map((d) => d.ids), batch.map((d) => d.polarity));
      n++;
    }
    console.log(`epoch ${e + 1}/${epochs} mse=${(total / n).toFixed(4)}`);
    await tf.nextFrame();
  }
}
