// Stacked layers whose per-layer states are carried from one time step to the next.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function layerStep(layer: number, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.add(tf.matMul(h, U)).add(layer)) as tf.Tensor2D;
}

// Swapped in after the layer loop.
export function swapped(frames: tf.Tensor2D[], depth: number): tf.Tensor2D[] {
  let states = Array.from({ length: depth }, () => tf.zeros([1, H]) as tf.Tensor2D);
  const top: tf.Tensor2D[] = [];
  for (const frame of frames) {
    let input = frame;
    const next: tf.Tensor2D[] = [];
    for (let l = 0; l < depth; l++) {
      const h = layerStep(l, input, states[l]!);
      next.push(h);
      input = h;
    }
    states = next;
    top.push(input);
  }
  return top;
}

// Written back element by element.
export function inPlace(frames: tf.Tensor2D[], depth: number): tf.Tensor2D[] {
  const states = Array.from({ length: depth }, () => tf.zeros([1, H]) as tf.Tensor2D);
  const top: tf.Tensor2D[] = [];
  for (const frame of frames) {
    let input = frame;
    const next: tf.Tensor2D[] = [];
    for (let l = 0; l < depth; l++) {
      const h = layerStep(l, input, states[l]!);
      next.push(h);
      states[l] = h;
      input = h;
    }
    top.push(next[next.length - 1]!);
  }
  return top;
}

// Replaced through a mutating method.
export function spliced(frames: tf.Tensor2D[], depth: number): tf.Tensor2D[] {
  const states = Array.from({ length: depth }, () => tf.zeros([1, H]) as tf.Tensor2D);
  const top: tf.Tensor2D[] = [];
  for (const frame of frames) {
    let input = frame;
    const next: tf.Tensor2D[] = [];
    for (let l = 0; l < depth; l++) {
      const h = layerStep(l, input, states[l]!);
      next.push(h);
      input = h;
    }
    states.splice(0, states.length, ...next);
    top.push(input);
  }
  return top;
}

// Layer by layer over the whole sequence: each layer starts from its initial state once.
export function layerMajor(frames: tf.Tensor2D[], initial: tf.Tensor2D[]): tf.Tensor2D[] {
  let seq = frames;
  for (let l = 0; l < initial.length; l++) {
    let h = initial[l]!;
    const outs: tf.Tensor2D[] = [];
    for (let t = 0; t < seq.length; t++) {
      h = layerStep(l, seq[t]!, h);
      outs.push(h);
    }
    seq = outs;
  }
  return seq;
}

// Constants per layer (masks) read every step are not states.
export function masked(frames: tf.Tensor2D[], depth: number, masks: tf.Tensor2D[]): tf.Tensor2D[] {
  let states = Array.from({ length: depth }, () => tf.zeros([1, H]) as tf.Tensor2D);
  for (const frame of frames) {
    let input = frame;
    const next: tf.Tensor2D[] = [];
    for (let l = 0; l < depth; l++) {
      const h = layerStep(l, input.mul(masks[l]!) as tf.Tensor2D, states[l]!);
      next.push(h);
      input = h;
    }
    states = next;
  }
  return states;
}

// Each layer steps from its element of the array in a forEach and stores its new state back; and
// a loop over whole sequences that starts every sequence from the same initial states.
class Layer {
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.add(tf.matMul(h, tf.eye(8)))) as tf.Tensor2D;
  }
  run(xs: tf.Tensor2D[], h: tf.Tensor2D): tf.Tensor2D {
    return xs.reduce((s, x) => this.step(x, s), h);
  }
}

export function decode(first: tf.Tensor2D, maxLen: number, layers: Layer[]): tf.Tensor2D[] {
  const layerStates = layers.map(() => tf.zeros([1, 8]) as tf.Tensor2D);
  const outputs: tf.Tensor2D[] = [];
  let input = first;
  for (let t = 0; t < maxLen; t++) {
    layerStates.forEach((state, i) => {
      input = layers[i]!.step(input, state);
      layerStates[i] = input;
    });
    outputs.push(input);
  }
  return outputs;
}

export function encodeSentences(sentences: tf.Tensor2D[][], layers: Layer[]): tf.Tensor2D[] {
  const initial = layers.map(() => tf.zeros([1, 8]) as tf.Tensor2D);
  return sentences.map((sentence) => {
    let xs = sentence;
    initial.forEach((state, i) => {
      const h = layers[i]!.run(xs, state);
      xs = [h];
    });
    return xs[0]!;
  });
}
