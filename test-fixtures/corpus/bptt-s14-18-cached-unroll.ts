// expect: bptt-cut
// Trains a GRU encoder plus linear head to predict next-day demand from a week of store features.
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  readonly weights: readonly tf.Variable[];
  zero(batch: number): S;
  step(x: tf.Tensor, s: S): readonly [tf.Tensor, S];
}

export type Unroll<S> = (xs: readonly tf.Tensor[]) => { readonly outputs: readonly tf.Tensor[]; readonly last: S };

export function unrollWith<S>(cell: Cell<S>): Unroll<S> {
  return (xs) => {
    let s = cell.zero(xs[0].shape[0]);
    const outputs: tf.Tensor[] = [];
    for (const x of xs) {
      const [y, next] = cell.step(x, s);
      outputs.push(y);
      s = next;
    }
    return { outputs, last: s };
  };
}

export function gruCell(inputDim: number, units: number): Cell<tf.Tensor> {
  const w = tf.variable(tf.randomNormal([inputDim, 3 * units], 0, 0.3, 'float32', 7));
  const u = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.3, 'float32', 8));
  const b = tf.variable(tf.zeros([3 * units]));
  return {
    weights: [w, u, b],
    zero: (batch) => tf.zeros([batch, units]),
    step: (x, h) => {
      const [zx, rx, nx] = tf.split(x.matMul(w).add(b), 3, 1);
      const [zh, rh, nh] = tf.split(h.matMul(u), 3, 1);
      const z = tf.sigmoid(zx.add(zh));
      const r = tf.sigmoid(rx.add(rh));
      const n = tf.tanh(nx.add(r.mul(nh)));
      const next = tf.sub(1, z).mul(n).add(z.mul(h));
      return [next, next] as const;
    },
  };
}

export function toSteps(batch: number[][][]): tf.Tensor[] {
  return batch[0].map((_, t) => tf.tensor2d(batch.map((week) => week[t])));
}

export async function train(
  weeks: number[][][],
  demand: number[],
  epochs: number,
): Promise<{ losses: number[]; cell: Cell<tf.Tensor>; head: tf.Variable }> {
  const units = 8;
  const cell = gruCell(weeks[0][0].length, units);
  const head = tf.variable(tf.randomNormal([units, 1], 0, 0.3, 'float32', 9));
  const optimizer = tf.train.adam(0.05);
  const encode = unrollWith(cell);
  const target = tf.tensor2d(demand, [demand.length, 1]);
  const { last } = encode(toSteps(weeks));
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cost = optimizer.minimize(
      () => tf.losses.meanSquaredError(target, last.matMul(head)) as tf.Scalar,
      true,
      [...cell.weights, head],
    );
    losses.push((await cost!.data())[0]);
    cost!.dispose();
    await tf.nextFrame();
  }
  return { losses, cell, head };
}

if (require.main === module) {
  const weeks = Array.from({ length: 12 }, (_, s) =>
    Array.from({ length: 7 }, (_, d) => [Math.sin(d + s) * 0.5, d === 5 || d === 6 ? 1 : 0, (s % 3) / 2]));
  const demand = weeks.map((w) => w.reduce((acc, [a, weekend, promo]) => acc + a + weekend + promo, 0) / 7);
  train(weeks, demand, 40).then(({ losses }) => console.log(losses.filter((_, i) => i % 10 === 0)));
}
