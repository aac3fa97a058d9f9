// Unrolls written without a loop statement: a reducer whose accumulator hands the incoming state
// on unchanged, and a recursion that passes its own state to the next step.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// Destructured accumulator, shorthand return: the new state only goes into `outs`.
export function destructured(frames: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  const { outs } = frames.reduce(
    ({ h, outs }: { h: tf.Tensor2D; outs: tf.Tensor2D[] }, x) => {
      const hNext = step(x, h);
//                          ~ stale-state
      return { h, outs: [...outs, hNext] };
    },
    { h: h0, outs: [] as tf.Tensor2D[] },
  );
  return outs;
}

// `acc.h` read and handed on through a spread.
export function spreadAccumulator(frames: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  const acc = frames.reduce(
    (acc, x) => ({ ...acc, last: step(x, acc.h) }),
//                                       ~~~~~ stale-state
    { h: h0, last: h0 },
  );
  return acc.last;
}

// Array accumulator: element 0 is passed back as it came in, on both paths.
export function tupleAccumulator(frames: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  const [, ys] = frames.reduceRight<[tf.Tensor2D, tf.Tensor2D[]]>(([state, ys], x) => {
    const next = step(x, state);
//                       ~~~~~ stale-state
    if (ys.length > 10) return [state, ys];
    return [state, [next, ...ys]];
  }, [h0, []]);
  return ys;
}

interface TokenNode { x: tf.Tensor2D; next: TokenNode | null }

// Recursion over a linked list: the new state is collected, the incoming one is passed on.
export function unroll(node: TokenNode | null, h: tf.Tensor2D, acc: tf.Tensor2D[] = []): tf.Tensor2D[] {
  if (node === null) return acc;
  const hNext = tf.tanh(tf.matMul(node.x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
  acc.push(hNext);
  return unroll(node.next, h, acc);
//                         ~ stale-state
}

// A method that recurses through `this`, with a step call.
export class Decoder {
  decode(xs: tf.Tensor2D[], t: number, hidden: tf.Tensor2D, outs: tf.Tensor2D[]): tf.Tensor2D[] {
    if (t >= xs.length) return outs;
    const newHidden = step(xs[t]!, hidden);
    outs.push(newHidden);
    return this.decode(xs, t + 1, hidden, outs);
//                                ~~~~~~ stale-state
  }
}
