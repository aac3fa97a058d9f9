// expect: none
// A tiny graph executor: each layer of each stage is called once per forward pass, and a separate
// method resets every stateful layer. The `layer` of one method is not the `layer` of the other,
// and the forward loop is over layers, not sequences (reduced from a false positive on
// tfjs-layers' engine/container.ts).
import * as tf from '@tensorflow/tfjs';

export class Chain {
  constructor(private readonly stages: tf.layers.Layer[][]) {}

  resetStates(): void {
    for (const stage of this.stages) {
      for (const layer of stage) {
        if (layer.stateful) layer.resetStates();
      }
    }
  }

  forward(x: tf.Tensor): tf.Tensor {
    let y = x;
    for (const stage of this.stages) {
      for (const node of stage) {
        const layer = node;
        y = layer.call(y, {}) as tf.Tensor;
      }
    }
    return y;
  }
}
