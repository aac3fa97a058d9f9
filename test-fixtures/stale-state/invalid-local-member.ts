// The state lives in a member of a local object: the loop writes the new state to another member
// (or to nothing), and the step reads the member that never changes.
import * as tf from '@tensorflow/tfjs';

const H = 6;
const Wx = tf.variable(tf.randomNormal([3, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): { y: tf.Tensor2D; h: tf.Tensor2D } {
  const hNext = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
  return { y: hNext, h: hNext };
}

export async function* stream(frames: AsyncIterable<tf.Tensor2D>): AsyncGenerator<tf.Tensor2D> {
  const state: Record<string, tf.Tensor2D> = { h: tf.zeros([1, H]) };
  for await (const x of frames) {
    const res = step(x, state.h);
//                      ~~~~~~~ stale-state
    state.hidden = res.h;
    yield res.y;
  }
  tf.dispose(Object.values(state));
}

export function run(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const carry = { h: tf.zeros([1, H]) as tf.Tensor2D, steps: 0 };
  const ys: tf.Tensor2D[] = [];
  for (const x of xs) {
    ys.push(step(x, carry.h).y);
//                  ~~~~~~~ stale-state
    carry.steps++;
  }
  return ys;
}
