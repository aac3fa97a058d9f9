// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export async function fingerprints(
  files: string[],
  load: (f: string) => Promise<tf.Tensor2D[]>,
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  units: number,
): Promise<Map<string, tf.Tensor2D>> {
  const out = new Map<string, tf.Tensor2D>();
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  for (const file of files) {
    const frames = await load(file);
    for (const f of frames) {
      h = step(f, h);
    }
    out.set(file, h);
  }
  return out;
}
