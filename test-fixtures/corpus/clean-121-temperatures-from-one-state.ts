// expect: none
// Samples continuations at several temperatures, each starting from the same primed state.
import * as tf from '@tensorflow/tfjs';

function sampleFrom(
  start: tf.Tensor,
  temperature: number,
  cell: tf.layers.RNNCell,
  readout: tf.layers.Layer,
  vocab: number,
  length: number,
): number[] {
  let h = start;
  let token = 0;
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const x = tf.oneHot([token], vocab).toFloat();
    const [o, next] = cell.call([x, h], {}) as tf.Tensor[];
    h = next;
    const logits = (readout.apply(o) as tf.Tensor2D).div(temperature) as tf.Tensor2D;
    token = tf.multinomial(logits, 1).dataSync()[0];
    out.push(token);
  }
  return out;
}

export function compare(primed: tf.Tensor, cell: tf.layers.RNNCell, readout: tf.layers.Layer, vocab: number): number[][] {
  const samples: number[][] = [];
  for (const temperature of [0.5, 1.0, 1.5]) {
    samples.push(sampleFrom(primed, temperature, cell, readout, vocab, 20));
  }
  return samples;
}
