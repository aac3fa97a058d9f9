// expect: stacked-activation
// Cell decorators (state guard, output projection) composed around a vanilla RNN cell for a char-level model.
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  zero(batch: number): S;
  step(x: tf.Tensor, s: S): [tf.Tensor, S];
}

export type Decorator<S> = (inner: Cell<S>) => Cell<S>;

export function vanilla(inputDim: number, units: number, seed = 0): Cell<tf.Tensor> {
  const wx = tf.variable(tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed));
  const wh = tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1));
  const b = tf.variable(tf.zeros([units]));
  return {
    zero: (batch) => tf.zeros([batch, units]),
    step: (x, h) => {
      const next = tf.tanh(x.matMul(wx).add(h.matMul(wh)).add(b));
      return [next, next];
    },
  };
}

export const withStateGuard: Decorator<tf.Tensor> = (inner) => ({
  zero: (batch) => inner.zero(batch),
  step: (x, h) => inner.step(x, tf.tanh(h)),
});

export function withProjection(vocab: number, units: number): Decorator<tf.Tensor> {
  const wo = tf.variable(tf.randomNormal([units, vocab], 0, 0.4, 'float32', 99));
  return (inner) => ({
    zero: (batch) => inner.zero(batch),
    step: (x, h) => {
      const [y, next] = inner.step(x, h);
      return [y.matMul(wo), next];
    },
  });
}

export function compose<S>(base: Cell<S>, ...decorators: Decorator<S>[]): Cell<S> {
  return decorators.reduce((cell, decorate) => decorate(cell), base);
}

export function sample(cell: Cell<tf.Tensor>, prompt: readonly number[], vocab: number, length: number): number[] {
  const out: number[] = [];
  tf.tidy(() => {
    let h = cell.zero(1);
    let logits: tf.Tensor = tf.zeros([1, vocab]);
    for (const id of prompt) {
      [logits, h] = cell.step(tf.oneHot([id], vocab).toFloat(), h);
    }
    for (let i = 0; i < length; i++) {
      const id = logits.argMax(1).dataSync()[0];
      out.push(id);
      [logits, h] = cell.step(tf.oneHot([id], vocab).toFloat(), h);
    }
  });
  return out;
}

export function buildCharModel(vocab: number, units: number): Cell<tf.Tensor> {
  return compose(vanilla(vocab, units), withStateGuard, withProjection(vocab, units));
}

if (require.main === module) {
  const vocab = 12;
  const model = buildCharModel(vocab, 16);
  console.log(sample(model, [1, 4, 7], vocab, 10));
}
