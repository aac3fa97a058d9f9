// A stack of IndRNN layers unrolled by hand, each layer reading its own previous state.
import * as tf from '@tensorflow/tfjs';

interface Layer { W: tf.Tensor2D; u: tf.Tensor1D; b: tf.Tensor1D }

function indrnnStep(layer: Layer, inp: tf.Tensor2D, hPrev: tf.Tensor2D): tf.Tensor2D {
  return tf.relu(inp.matMul(layer.W).add(tf.mul(layer.u, hPrev)).add(layer.b));
}

export function forward(stack: Layer[], xs: tf.Tensor2D[], h0: tf.Tensor2D[]): tf.Tensor2D[] {
  let hs = h0;
  for (const x of xs) {
    let inp = x;
    const next: tf.Tensor2D[] = [];
    stack.forEach((layer, l) => {
      const h = indrnnStep(layer, inp, hs[l]!);
      next.push(h);
      inp = h;
    });
    hs = next;
  }
  return hs;
}
