// expect: none
// LSTM sentiment scorer built from small helpers grouped in namespaces; returns class probabilities per review.
import * as tf from '@tensorflow/tfjs';

export namespace Gates {
  export const input = (z: tf.Tensor): tf.Tensor => tf.sigmoid(z);
  export const forget = (z: tf.Tensor): tf.Tensor => tf.sigmoid(z);
  export const output = (z: tf.Tensor): tf.Tensor => tf.sigmoid(z);
  export const candidate = (z: tf.Tensor): tf.Tensor => tf.tanh(z);
}

export namespace Lstm {
  export type State = readonly [h: tf.Tensor, c: tf.Tensor];

  export interface Weights {
    readonly kernel: tf.Tensor;
    readonly recurrent: tf.Tensor;
    readonly bias: tf.Tensor;
  }

  export function zero(batch: number, units: number): State {
    return [tf.zeros([batch, units]), tf.zeros([batch, units])] as const;
  }

  export function step(w: Weights, x: tf.Tensor, [h, c]: State): State {
    const z = x.matMul(w.kernel).add(h.matMul(w.recurrent)).add(w.bias);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const cNext = Gates.forget(zf).mul(c).add(Gates.input(zi).mul(Gates.candidate(zg)));
    const hNext = Gates.output(zo).mul(tf.tanh(cNext));
    return [hNext, cNext] as const;
  }

  export function run(w: Weights, xs: readonly tf.Tensor[], units: number): State {
    return xs.reduce<State>((s, x) => step(w, x, s), zero(xs[0].shape[0], units));
  }
}

export namespace Head {
  export interface Weights {
    readonly dense: tf.Tensor;
    readonly bias: tf.Tensor;
    readonly out: tf.Tensor;
  }

  export function probabilities(w: Weights, h: tf.Tensor): tf.Tensor {
    const hidden = tf.tanh(h.matMul(w.dense).add(w.bias));
    return tf.softmax(hidden.matMul(w.out));
  }
}

export interface SentimentModel {
  readonly embed: tf.Tensor;
  readonly lstm: Lstm.Weights;
  readonly head: Head.Weights;
  readonly units: number;
}

export function score(model: SentimentModel, reviews: readonly number[][]): number[][] {
  const probs = tf.tidy(() => {
    const len = reviews[0].length;
    const xs = Array.from({ length: len }, (_, t) => model.embed.gather(reviews.map((r) => r[t])));
    const [h] = Lstm.run(model.lstm, xs, model.units);
    return Head.probabilities(model.head, h);
  });
  const out = probs.arraySync() as number[][];
  probs.dispose();
  return out;
}

export function randomModel(vocab: number, dim: number, units: number, classes: number): SentimentModel {
  const r = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 0.3, 'float32', seed);
  return {
    embed: r([vocab, dim], 1),
    lstm: { kernel: r([dim, 4 * units], 2), recurrent: r([units, 4 * units], 3), bias: tf.zeros([4 * units]) },
    head: { dense: r([units, units], 4), bias: tf.zeros([units]), out: r([units, classes], 5) },
    units,
  };
}

if (require.main === module) {
  const model = randomModel(20, 8, 12, 3);
  console.log(score(model, [[3, 4, 5, 6], [7, 7, 1, 2]]));
}
