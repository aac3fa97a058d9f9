// expect: none
// Next-step forecasting on one long 400-point series with truncated BPTT over 25-step chunks (vanilla tanh RNN)
import * as tf from '@tensorflow/tfjs';

const SERIES_LEN = 400;
const CHUNK = 25;
const HIDDEN = 20;
const EPOCHS = 6;

const series: number[] = [];
for (let i = 0; i < SERIES_LEN + 1; i++) {
  series.push(Math.sin(i * 0.15) * 0.6 + Math.sin(i * 0.04) * 0.3);
}

const Wx = tf.variable(tf.randomNormal([1, HIDDEN], 0, 0.2), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.2), true, 'Wh');
const b = tf.variable(tf.zeros([HIDDEN]), true, 'b');
const Wo = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.2), true, 'Wo');
const bo = tf.variable(tf.zeros([1]), true, 'bo');

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(b));
}

const optimizer: tf.Optimizer = tf.train.adam(0.01);

function trainEpoch(): number {
  // truncated BPTT: every chunk starts from the previous chunk's final state,
  // but that state is treated as a constant, so gradients stop at the chunk boundary on purpose
  let carried: tf.Tensor2D = tf.zeros([1, HIDDEN]);
  let total = 0;
  let nChunks = 0;
  for (let start = 0; start + CHUNK <= SERIES_LEN; start += CHUNK) {
    const xs = tf.tensor2d(series.slice(start, start + CHUNK), [CHUNK, 1]);
    const ys = tf.tensor2d(series.slice(start + 1, start + CHUNK + 1), [CHUNK, 1]);
    const xRows = tf.split(xs, CHUNK, 0) as tf.Tensor2D[];
    let chunkFinal: tf.Tensor2D | undefined;
    const { value, grads } = tf.variableGrads(() => {
      let h = carried;
      const preds: tf.Tensor2D[] = [];
      for (let t = 0; t < CHUNK; t++) {
        h = step(xRows[t], h);
        preds.push(tf.matMul(h, Wo).add(bo));
      }
      chunkFinal = tf.keep(h);
      return tf.losses.meanSquaredError(ys, tf.concat(preds, 0)) as tf.Scalar;
    });
    optimizer.applyGradients(grads);
    total += value.dataSync()[0];
    nChunks++;
    tf.dispose([value, xs, ys, ...xRows]);
    tf.dispose(grads);
    carried.dispose();
    carried = chunkFinal!;
  }
  carried.dispose();
  return total / nChunks;
}

function forecast(n: number): number[] {
  return tf.tidy(() => {
    let h: tf.Tensor2D = tf.zeros([1, HIDDEN]);
    for (let i = 0; i < SERIES_LEN; i++) h = step(tf.tensor2d([[series[i]]]), h);
    const out: number[] = [];
    let last = series[SERIES_LEN];
    for (let i = 0; i < n; i++) {
      h = step(tf.tensor2d([[last]]), h);
      last = tf.matMul(h, Wo).add(bo).dataSync()[0];
      out.push(last);
    }
    return out;
  });
}

async function main() {
  for (let e = 0; e < EPOCHS; e++) {
    const loss = trainEpoch();
    console.log(`epoch ${e + 1}/${EPOCHS} mse=${loss.toFixed(5)} tensors=${tf.memory().numTensors}`);
  }
  console.log('forecast:', forecast(10).map((v) => v.toFixed(3)).join(', '));
}

main();
