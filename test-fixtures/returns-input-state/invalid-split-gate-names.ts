// A PyTorch-style GRU whose gate pieces come from `tf.split` and are named `hR`, `hZ`, `hN`: `hN`
// reads like "the new h" but is the hidden projection's share of the `n` gate. The new state is
// `hy`, returned as the output; the old `hidden` is returned as the state.
import * as tf from '@tensorflow/tfjs';

export class GRUModule {
  constructor(
    private readonly weightIh: tf.Tensor2D,
    private readonly weightHh: tf.Tensor2D,
  ) {}

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): { output: tf.Tensor2D; hidden: tf.Tensor2D } {
    const [iR, iZ, iN] = tf.split(input.matMul(this.weightIh), 3, 1);
    const [hR, hZ, hN] = tf.split(hidden.matMul(this.weightHh), 3, 1);
    const r = tf.sigmoid(iR!.add(hR!));
    const z = tf.sigmoid(iZ!.add(hZ!));
    const n = tf.tanh(iN!.add(r.mul(hN!)));
    const hy = tf.sub(1, z).mul(n).add(z.mul(hidden)) as tf.Tensor2D;
    return { output: hy, hidden };
//                       ~~~~~~ returns-input-state
  }
}
