// Look-alikes of a state read from a buffer that nothing fills: here the buffer holds the states.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// A dilated layer that pushes each new state into its ring and takes the one `dilation` steps back.
export function dilated(xs: tf.Tensor2D[], dilation: number): tf.Tensor2D[] {
  const zero = tf.zeros([1, 8]) as tf.Tensor2D;
  const ring: tf.Tensor2D[] = [];
  const outputs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const hPrev = ring.length === dilation ? ring.shift()! : zero;
    const h = step(x, hPrev);
    ring.push(h);
    outputs.push(h);
  }
  return outputs;
}

// Reading the state `d` steps back from the array the loop appends to.
export function fromOutputs(xs: tf.Tensor2D[], d: number): tf.Tensor2D[] {
  const zero = tf.zeros([1, 8]) as tf.Tensor2D;
  const outputs: tf.Tensor2D[] = [];
  for (let t = 0; t < xs.length; t++) {
    const hPrev = t >= d ? outputs[t - d]! : zero;
    outputs.push(step(xs[t]!, hPrev));
  }
  return outputs;
}

// A clockwork RNN keeping one state per module in an array it writes.
export function clockwork(xs: tf.Tensor2D[], periods: number[]): tf.Tensor2D[] {
  const zero = tf.zeros([1, 8]) as tf.Tensor2D;
  const states: tf.Tensor2D[] = [];
  const outs: tf.Tensor2D[] = [];
  xs.forEach((x, t) => {
    periods.forEach((p, k) => {
      if (t % p === 0) states[k] = step(x, states[k] ?? zero);
    });
    outs.push(tf.concat(periods.map((_, k) => states[k] ?? zero), 1) as tf.Tensor2D);
  });
  return outs;
}

// A buffer filled by a helper it is handed to, and one filled from a callback.
function remember(buffer: tf.Tensor2D[], h: tf.Tensor2D): void {
  buffer.push(h);
}

export function helperFilled(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  const past: tf.Tensor2D[] = [];
  const outs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const h = step(x, past.pop() ?? h0);
    remember(past, h);
    outs.push(h);
  }
  return outs;
}

export function callbackFilled(xs: tf.Tensor2D[], h0: tf.Tensor2D, onState: (f: (h: tf.Tensor2D) => void) => void): tf.Tensor2D[] {
  const queue: tf.Tensor2D[] = [];
  onState((h) => queue.unshift(h));
  const outs: tf.Tensor2D[] = [];
  for (const x of xs) outs.push(step(x, queue.shift() ?? h0));
  return outs;
}

// An empty buffer with a fallback the loop carries: the state is updated through the fallback.
export function carriedFallback(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  const unused: tf.Tensor2D[] = [];
  let h = h0;
  for (const x of xs) h = step(x, unused.pop() ?? h);
  return h;
}
