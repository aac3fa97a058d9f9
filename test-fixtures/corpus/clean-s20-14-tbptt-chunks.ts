// expect: none
// Truncated-BPTT training of an lstmCell on long streams: 25-step chunks, state carried (detached) between chunks.
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const CHUNK = 25;
const LAG = 4;

const cell = tf.layers.lstmCell({ units: UNITS });
cell.build([null, 1]);
const readout = tf.layers.dense({ units: 1 });
readout.build([null, UNITS]);
const params = [...cell.trainableWeights, ...readout.trainableWeights].map((w) => w.read() as tf.Variable);
const optimizer = tf.train.adam(0.01);

// Copies values out of the graph. Used on purpose at chunk boundaries: this is the
// truncation point of truncated BPTT, gradients are only meant to flow inside a chunk.
function detach(t: tf.Tensor): tf.Tensor {
  return tf.tensor(t.dataSync(), t.shape);
}

function makeStream(batch: number, length: number): { xs: tf.Tensor3D; ys: tf.Tensor3D } {
  return tf.tidy(() => {
    const x = tf.randomUniform([batch, length, 1], -1, 1);
    // target: the input seen LAG steps earlier
    const y = tf.concat([tf.zeros([batch, LAG, 1]), x.slice([0, 0, 0], [batch, length - LAG, 1])], 1);
    return { xs: x as tf.Tensor3D, ys: y as tf.Tensor3D };
  });
}

function trainOnStream(xs: tf.Tensor3D, ys: tf.Tensor3D): number {
  const [batch, length] = xs.shape;
  // new stream: start from a zero state
  let h: tf.Tensor = tf.zeros([batch, UNITS]);
  let c: tf.Tensor = tf.zeros([batch, UNITS]);
  let total = 0;
  let chunks = 0;
  for (let start = 0; start < length; start += CHUNK) {
    const len = Math.min(CHUNK, length - start);
    const xChunk = xs.slice([0, start, 0], [batch, len, 1]);
    const yChunk = ys.slice([0, start, 0], [batch, len, 1]);
    let hEnd: tf.Tensor | null = null;
    let cEnd: tf.Tensor | null = null;
    const loss = optimizer.minimize(() => {
      let hh = h;
      let cc = c;
      const preds: tf.Tensor[] = [];
      for (let t = 0; t < len; t++) {
        const xt = xChunk.slice([0, t, 0], [batch, 1, 1]).reshape([batch, 1]);
        [, hh, cc] = cell.call([xt, hh, cc], {}) as tf.Tensor[];
        preds.push(readout.apply(hh) as tf.Tensor);
      }
      hEnd = tf.keep(hh);
      cEnd = tf.keep(cc);
      return tf.losses.meanSquaredError(yChunk, tf.stack(preds, 1)) as tf.Scalar;
    }, true, params)!;
    total += loss.dataSync()[0];
    chunks++;
    const nextH = detach(hEnd!);
    const nextC = detach(cEnd!);
    tf.dispose([h, c, hEnd!, cEnd!, loss, xChunk, yChunk]);
    h = nextH;
    c = nextC;
  }
  tf.dispose([h, c]);
  return total / chunks;
}

async function main(): Promise<void> {
  for (let epoch = 0; epoch < 15; epoch++) {
    const { xs, ys } = makeStream(16, 200);
    const mse = trainOnStream(xs, ys);
    tf.dispose([xs, ys]);
    if (epoch % 3 === 0 || epoch === 14) console.log(`epoch ${epoch} mse ${mse.toFixed(4)} tensors ${tf.memory().numTensors}`);
    await tf.nextFrame();
  }
}

main();
