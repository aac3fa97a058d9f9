// expect: none
// Cell wrappers (residual, zoneout at inference, step counter) around a GRU, unrolled recursively for a denoiser.
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  readonly units: number;
  zero(batch: number): S;
  step(x: tf.Tensor, s: S): readonly [tf.Tensor, S];
}

export type Wrapper<S> = (cell: Cell<S>) => Cell<S>;

export function gru(units: number, seed = 3): Cell<tf.Tensor> {
  const w = tf.randomNormal([units, 3 * units], 0, 0.3, 'float32', seed);
  const u = tf.randomNormal([units, 3 * units], 0, 0.3, 'float32', seed + 1);
  return {
    units,
    zero: (batch) => tf.zeros([batch, units]),
    step: (x, h) => {
      const [zx, rx, nx] = tf.split(x.matMul(w), 3, 1);
      const [zh, rh, nh] = tf.split(h.matMul(u), 3, 1);
      const z = tf.sigmoid(zx.add(zh));
      const r = tf.sigmoid(rx.add(rh));
      const n = tf.tanh(nx.add(r.mul(nh)));
      const next = z.mul(h).add(tf.sub(1, z).mul(n));
      return [next, next] as const;
    },
  };
}

export const residual: Wrapper<tf.Tensor> = (cell) => ({
  ...cell,
  step: (x, h) => {
    const [y, next] = cell.step(x, h);
    return [y.add(x), next] as const;
  },
});

export function zoneout(rate: number): Wrapper<tf.Tensor> {
  return (cell) => ({
    ...cell,
    step: (x, h) => {
      const [y, next] = cell.step(x, h);
      const mixed = next.mul(1 - rate).add(h.mul(rate));
      return [y, mixed] as const;
    },
  });
}

export function counted<S>(counter: { steps: number }): Wrapper<S> {
  return (cell) => ({
    ...cell,
    step: (x, s) => {
      counter.steps += 1;
      return cell.step(x, s);
    },
  });
}

export function wrap<S>(cell: Cell<S>, ...wrappers: readonly Wrapper<S>[]): Cell<S> {
  return wrappers.reduce((c, w) => w(c), cell);
}

export function unrollRec<S>(cell: Cell<S>, xs: readonly tf.Tensor[], s: S, ys: readonly tf.Tensor[] = []): readonly [readonly tf.Tensor[], S] {
  if (xs.length === 0) return [ys, s] as const;
  const [head, ...rest] = xs;
  const [y, next] = cell.step(head, s);
  return unrollRec(cell, rest, next, [...ys, y]);
}

export function denoise(signal: readonly number[][], counter = { steps: 0 }): number[][] {
  const units = signal[0].length;
  const cell = wrap(gru(units), zoneout(0.1), residual, counted<tf.Tensor>(counter));
  const out = tf.tidy(() => {
    const xs = signal.map((row) => tf.tensor2d([row]));
    const [ys] = unrollRec(cell, xs, cell.zero(1));
    return tf.concat([...ys], 0);
  });
  const values = out.arraySync() as number[][];
  out.dispose();
  return values;
}

if (require.main === module) {
  const counter = { steps: 0 };
  const noisy = Array.from({ length: 6 }, (_, t) => [Math.sin(t) + 0.1 * ((t * 7) % 3), Math.cos(t)]);
  console.log(denoise(noisy, counter), counter.steps);
}
