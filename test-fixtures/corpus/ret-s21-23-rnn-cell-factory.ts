// expect: returns-input-state
// Functional-style RNN: a factory builds the cell, then I train it to detect whether a "key" value appeared earlier in the stream
import * as tf from '@tensorflow/tfjs';

type Cell = (x: tf.Tensor2D, h: tf.Tensor2D) => { y: tf.Tensor2D; h: tf.Tensor2D };

function makeRnnCell(inSize: number, hidSize: number, outSize: number): { cell: Cell; vars: tf.Variable[] } {
  const Wx = tf.variable(tf.randomNormal([inSize, hidSize], 0, 0.3));
  const Wh = tf.variable(tf.randomNormal([hidSize, hidSize], 0, 0.3));
  const b = tf.variable(tf.zeros([hidSize]));
  const Wy = tf.variable(tf.randomNormal([hidSize, outSize], 0, 0.3));
  const by = tf.variable(tf.zeros([outSize]));

  const cell: Cell = (x, h) => {
    const hNext = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(b)) as tf.Tensor2D;
    const y = hNext.matMul(Wy).add(by) as tf.Tensor2D;
    return { y, h };
  };
  return { cell, vars: [Wx, Wh, b, Wy, by] };
}

const SEQ = 10;
const HID = 12;
const { cell } = makeRnnCell(2, HID, 1);

// x_t = [value, isKey]; label = 1 if a key flag showed up at any point in the stream
function sample(): { seq: number[][]; label: number } {
  const seq: number[][] = [];
  let seen = 0;
  for (let t = 0; t < SEQ; t++) {
    const isKey = Math.random() < 0.1 ? 1 : 0;
    if (isKey) seen = 1;
    seq.push([Math.random(), isKey]);
  }
  return { seq, label: seen };
}

function logits(batch: tf.Tensor3D): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([batch.shape[0], HID]);
  let y: tf.Tensor2D = tf.zeros([batch.shape[0], 1]);
  const steps = tf.unstack(batch, 1) as tf.Tensor2D[];
  for (const xt of steps) {
    ({ y, h } = cell(xt, h));
  }
  return y;
}

function makeBatch(n: number) {
  const s = Array.from({ length: n }, sample);
  return {
    x: tf.tensor3d(s.map((e) => e.seq)),
    y: tf.tensor2d(s.map((e) => [e.label])),
  };
}

async function main() {
  const opt = tf.train.adam(0.01);
  for (let i = 0; i <= 200; i++) {
    const { x, y } = makeBatch(64);
    const loss = opt.minimize(() => tf.losses.sigmoidCrossEntropy(y, logits(x)) as tf.Scalar, true)!;
    if (i % 50 === 0) console.log(`step ${i} loss ${loss.dataSync()[0].toFixed(4)}`);
    tf.dispose([x, y, loss]);
  }
  const test = makeBatch(500);
  const acc = tf.tidy(() => tf.sigmoid(logits(test.x)).round().equal(test.y).mean().dataSync()[0]);
  const positives = test.y.mean().dataSync()[0];
  console.log(`accuracy ${(acc * 100).toFixed(1)}%  (positives in test set: ${(positives * 100).toFixed(1)}%)`);
}

main();
