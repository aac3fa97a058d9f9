// expect: none
// Full backprop-through-time trainer for any Cell<S>: unroll, loss and gradients all happen inside one variableGrads call.
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  readonly variables: readonly tf.Variable[];
  zero(batch: number): S;
  step(x: tf.Tensor, s: S): readonly [tf.Tensor, S];
}

export type LossFn = (pred: tf.Tensor, target: tf.Tensor) => tf.Scalar;

export function unroll<S>(cell: Cell<S>, xs: readonly tf.Tensor[], s0: S): { ys: tf.Tensor[]; last: S } {
  const ys: tf.Tensor[] = [];
  let s = s0;
  for (const x of xs) {
    const [y, next] = cell.step(x, s);
    ys.push(y);
    s = next;
  }
  return { ys, last: s };
}

export function makeTrainer<S>(cell: Cell<S>, loss: LossFn, lr: number) {
  const optimizer = tf.train.sgd(lr);
  return (xs: readonly tf.Tensor[], targets: readonly tf.Tensor[]): { loss: number; gradNorms: Record<string, number> } =>
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => {
        const { ys } = unroll(cell, xs, cell.zero(xs[0].shape[0]));
        const terms = ys.map((y, t) => loss(y, targets[t]));
        return tf.addN(terms).div(terms.length) as tf.Scalar;
      }, [...cell.variables]);
      const gradNorms: Record<string, number> = {};
      for (const [name, g] of Object.entries(grads)) gradNorms[name] = g.norm().dataSync()[0];
      optimizer.applyGradients(grads);
      return { loss: value.dataSync()[0], gradNorms };
    });
}

export function elman(inputDim: number, units: number, outDim: number): Cell<tf.Tensor> {
  const wx = tf.variable(tf.randomNormal([inputDim, units], 0, 0.3, 'float32', 1));
  const wh = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 2));
  const wo = tf.variable(tf.randomNormal([units, outDim], 0, 0.3, 'float32', 3));
  return {
    variables: [wx, wh, wo],
    zero: (batch) => tf.zeros([batch, units]),
    step: (x, h) => {
      const next = tf.tanh(x.matMul(wx).add(h.matMul(wh)));
      return [next.matMul(wo), next] as const;
    },
  };
}

export function delayedEchoTask(batch: number, steps: number, delay: number, seed: number) {
  let s = seed;
  const bit = () => ((s = (s * 48271) % 2147483647) % 2);
  const data = Array.from({ length: batch }, () => Array.from({ length: steps }, bit));
  const xs = Array.from({ length: steps }, (_, t) => tf.tensor2d(data.map((row) => [row[t]])));
  const targets = Array.from({ length: steps }, (_, t) =>
    tf.tensor2d(data.map((row) => [t >= delay ? row[t - delay] : 0])));
  return { xs, targets };
}

if (require.main === module) {
  const cell = elman(1, 16, 1);
  const train = makeTrainer(cell, (p, t) => tf.losses.meanSquaredError(t, p) as tf.Scalar, 0.1);
  for (let epoch = 0; epoch < 40; epoch++) {
    const { xs, targets } = delayedEchoTask(16, 8, 2, epoch + 1);
    const { loss, gradNorms } = train(xs, targets);
    tf.dispose([...xs, ...targets]);
    if (epoch % 10 === 0) console.log(epoch, loss.toFixed(4), gradNorms);
  }
}
