// Stacked layers unrolled by hand: per-layer states read from an array the time loop never updates.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function layerStep(layer: number, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.add(tf.matMul(h, U)).add(layer)) as tf.Tensor2D;
}

export function run(frames: tf.Tensor2D[], depth: number): tf.Tensor2D[] {
  const states = Array.from({ length: depth }, () => tf.zeros([1, H]) as tf.Tensor2D);
  const top: tf.Tensor2D[] = [];
  for (const frame of frames) {
    let input = frame;
    const next: tf.Tensor2D[] = [];
    for (let l = 0; l < depth; l++) {
      const h = layerStep(l, input, states[l]!);
//                                  ~~~~~~~~~ stale-state
      next.push(h);
      input = h;
    }
    top.push(input);
  }
  return top;
}

// The same inside a tidy per step: no edit is offered (the states must leave the tidy first).
export function generate(steps: number, depth: number, cells: ((x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D)[]): number[] {
  const states = cells.map(() => tf.zeros([1, H]) as tf.Tensor2D);
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    out.push(tf.tidy(() => {
      let inp = tf.ones([1, H]) as tf.Tensor2D;
      const newStates: tf.Tensor2D[] = [];
      for (let l = 0; l < depth; l++) {
        const next = cells[l]!(inp, states[l]!);
//                                  ~~~~~~~~~ stale-state
        newStates.push(next);
        inp = next;
      }
      return inp.sum().dataSync()[0]!;
    }));
  }
  return out;
}

// Each layer steps from its element of the array in a forEach; the new state only feeds the next layer.
class Layer {
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.add(tf.matMul(h, U))) as tf.Tensor2D;
  }
}

export function decode(first: tf.Tensor2D, maxLen: number, layers: Layer[]): tf.Tensor2D[] {
  const layerStates = layers.map(() => tf.zeros([1, H]) as tf.Tensor2D);
  const outputs: tf.Tensor2D[] = [];
  let input = first;
  for (let t = 0; t < maxLen; t++) {
    layerStates.forEach((state, i) => {
      input = layers[i]!.step(input, state);
//                                   ~~~~~ stale-state
    });
    outputs.push(input);
  }
  return outputs;
}
