// expect: returns-input-state
// Per-step parity tagger: a GRU cell class trained with optimizer.minimize on bit streams from tf.data.
import * as tf from '@tensorflow/tfjs';

const STEPS = 8;
const UNITS = 16;

export class GRUCell {
  private readonly wx = tf.variable(tf.randomNormal([1, 3 * UNITS], 0, 0.3));
  private readonly wh = tf.variable(tf.randomNormal([UNITS, 3 * UNITS], 0, 0.3));
  private readonly b = tf.variable(tf.zeros([3 * UNITS]));
  private readonly wy = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3));
  private readonly by = tf.variable(tf.zeros([1]));

  call(x: tf.Tensor2D, h: tf.Tensor2D): { y: tf.Tensor2D; h: tf.Tensor2D } {
    const gx = tf.add(tf.matMul(x, this.wx), this.b);
    const [wzr, wn] = tf.split(this.wh, [2 * UNITS, UNITS], 1);
    const [gxz, gxr, gxn] = tf.split(gx, 3, 1);
    const [ghz, ghr] = tf.split(tf.matMul(h, wzr), 2, 1);
    const z = tf.sigmoid(tf.add(gxz, ghz));
    const r = tf.sigmoid(tf.add(gxr, ghr));
    const cand = tf.tanh(tf.add(gxn, tf.matMul(tf.mul(r, h), wn)));
    const next = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), cand)) as tf.Tensor2D;
    const y = tf.add(tf.matMul(next, this.wy), this.by) as tf.Tensor2D;
    return { y, h };
  }
}

export function unroll(cell: GRUCell, bits: tf.Tensor2D): tf.Tensor2D {
  const batch = bits.shape[0];
  let h: tf.Tensor2D = tf.zeros([batch, UNITS]);
  const ys: tf.Tensor2D[] = [];
  for (const xt of tf.unstack(bits, 1)) {
    let y: tf.Tensor2D;
    ({ y, h } = cell.call(xt.reshape([batch, 1]), h));
    ys.push(y);
  }
  return tf.concat(ys, 1) as tf.Tensor2D;
}

function parityData(count: number) {
  const items: { bits: number[]; parity: number[] }[] = [];
  for (let i = 0; i < count; i++) {
    const bits = Array.from({ length: STEPS }, () => (Math.random() < 0.5 ? 1 : 0));
    let acc = 0;
    items.push({ bits, parity: bits.map((v) => (acc ^= v)) });
  }
  return items;
}

export async function fitParity(epochs = 10): Promise<GRUCell> {
  const cell = new GRUCell();
  const optimizer = tf.train.adam(0.02);
  const ds = tf.data.array(parityData(512)).shuffle(512).batch(32);
  const val = parityData(128);
  const valX = tf.tensor2d(val.map((v) => v.bits));
  const valY = tf.tensor2d(val.map((v) => v.parity));

  for (let epoch = 0; epoch < epochs; epoch++) {
    let seen = 0;
    let lossSum = 0;
    await ds.forEachAsync((batch) => {
      const { bits, parity } = batch as { bits: tf.Tensor2D; parity: tf.Tensor2D };
      const loss = optimizer.minimize(
        () => tf.losses.sigmoidCrossEntropy(parity, unroll(cell, bits)) as tf.Scalar,
        true,
      );
      lossSum += loss!.dataSync()[0];
      seen++;
      tf.dispose([loss!, bits, parity]);
    });
    const acc = tf.tidy(() => {
      const pred = tf.sigmoid(unroll(cell, valX)).greater(0.5).toFloat();
      return pred.equal(valY).toFloat().mean().dataSync()[0];
    });
    console.log(`epoch ${epoch + 1}: loss ${(lossSum / seen).toFixed(4)}  val bit accuracy ${(acc * 100).toFixed(1)}%`);
  }
  tf.dispose([valX, valY]);
  return cell;
}

if (require.main === module) {
  void fitParity();
}
