// A step model (state inputs and outputs) run with predict: the rollout feeds the same states.
import * as tf from '@tensorflow/tfjs';

export async function rollout(model: tf.LayersModel, first: number[], h0: tf.Tensor, c0: tf.Tensor, horizon: number): Promise<number[][]> {
  // Warm-up carries the states correctly.
  let h = h0;
  let c = c0;
  for (let i = 0; i < 3; i++) {
    const [, hN, cN] = model.predict([tf.tensor2d([first]), h, c]) as tf.Tensor[];
    h = hN!;
    c = cN!;
  }
  const out: number[][] = [];
  let current = first;
  for (let step = 0; step < horizon; step++) {
    const [yHat] = model.predict([tf.tensor2d([current]), h, c]) as tf.Tensor[];
//                                                        ~ stale-state
//                                                           ~ stale-state
    current = Array.from(await yHat!.data());
    out.push(current);
  }
  return out;
}

// A model with two ordinary inputs is not a step model.
export function captions(model: tf.LayersModel, images: tf.Tensor[], prompt: tf.Tensor): tf.Tensor[] {
  return images.map((image) => model.predict([image, prompt]) as tf.Tensor);
}
