// expect: stale-state
// Deno script: one-step-ahead tide-height predictions for a gauge CSV using a saved Elman RNN.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

interface SavedCell {
  wx: number[][];
  wh: number[][];
  b: number[];
  wy: number[][];
  by: number[];
  mean: number;
  std: number;
}

class TideCell {
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly wy: tf.Tensor2D;
  private readonly by: tf.Tensor1D;
  readonly units: number;

  constructor(saved: SavedCell) {
    this.wx = tf.tensor2d(saved.wx);
    this.wh = tf.tensor2d(saved.wh);
    this.b = tf.tensor1d(saved.b);
    this.wy = tf.tensor2d(saved.wy);
    this.by = tf.tensor1d(saved.by);
    this.units = this.wh.shape[0];
  }

  zeroState(): tf.Tensor2D {
    return tf.zeros([1, this.units]);
  }

  forward(x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const hNext = tf.tanh(tf.add(tf.add(tf.matMul(x, this.wx), tf.matMul(h, this.wh)), this.b)) as tf.Tensor2D;
    const y = tf.add(tf.matMul(hNext, this.wy), this.by) as tf.Tensor2D;
    return [y, hNext];
  }
}

function readGauge(text: string): { time: string; height: number }[] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols.length >= 2 && cols[1] !== '')
    .map(([time, height]) => ({ time, height: Number(height) }));
}

if (Deno.args.length < 2) {
  console.error('usage: deno run --allow-read tides.ts model.json gauge.csv');
  Deno.exit(2);
}

const saved: SavedCell = JSON.parse(await Deno.readTextFile(Deno.args[0]));
const rows = readGauge(await Deno.readTextFile(Deno.args[1]));
const cell = new TideCell(saved);

const predictions = tf.tidy(() => {
  const norm = rows.map((r) => [(r.height - saved.mean) / saved.std]);
  const xs = tf.split(tf.tensor2d(norm), norm.length, 0) as tf.Tensor2D[];
  const h = cell.zeroState();
  let hidden = h;
  const ys: tf.Tensor2D[] = [];
  let t = 0;
  while (t < xs.length) {
    const [y, hNext] = cell.forward(xs[t], h);
    ys.push(y);
    hidden = hNext;
    t++;
  }
  console.log('final state norm', hidden.norm().dataSync()[0].toFixed(3));
  return tf.concat(ys, 0).mul(saved.std).add(saved.mean).dataSync();
});

let sq = 0;
for (let i = 0; i + 1 < rows.length; i++) {
  const err = predictions[i] - rows[i + 1].height;
  sq += err * err;
  console.log(`${rows[i + 1].time}\tobs ${rows[i + 1].height.toFixed(2)}\tpred ${predictions[i].toFixed(2)}`);
}
console.log(`RMSE ${Math.sqrt(sq / Math.max(rows.length - 1, 1)).toFixed(3)} m over ${rows.length} readings`);
