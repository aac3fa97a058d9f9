// expect: none
// Training worker for the melody sketchpad: fits a note-level RNN to the user's recorded tune, posting loss per chunk.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

export const NOTES = 25; // two octaves + rest
const H = 32;
const CHUNK = 16;

export interface MelodyRnn {
  Wx: tf.Variable; Wh: tf.Variable; b: tf.Variable; Wy: tf.Variable; by: tf.Variable;
}

export function createRnn(seed = 8): MelodyRnn {
  return {
    Wx: tf.variable(tf.randomNormal([NOTES, H], 0, 0.2, 'float32', seed)),
    Wh: tf.variable(tf.randomNormal([H, H], 0, 0.2, 'float32', seed + 1)),
    b: tf.variable(tf.zeros([H])),
    Wy: tf.variable(tf.randomNormal([H, NOTES], 0, 0.2, 'float32', seed + 2)),
    by: tf.variable(tf.zeros([NOTES])),
  };
}

function step(m: MelodyRnn, note: number, h: tf.Tensor2D): tf.Tensor2D {
  const x = tf.oneHot(tf.tensor1d([note], 'int32'), NOTES).toFloat();
  return tf.tanh(x.matMul(m.Wx).add(h.matMul(m.Wh)).add(m.b)) as tf.Tensor2D;
}

export function trainEpoch(m: MelodyRnn, notes: number[], opt: tf.Optimizer,
                           report: (chunk: number, loss: number) => void): number {
  let carry: tf.Tensor2D = tf.zeros([1, H]);
  let total = 0;
  let chunks = 0;
  for (let start = 0; start + 1 < notes.length; start += CHUNK) {
    const window = notes.slice(start, start + CHUNK + 1);
    let finalState: tf.Tensor2D = carry;
    const loss = opt.minimize(() => {
      let h = carry;
      let sum = tf.scalar(0);
      for (let t = 0; t + 1 < window.length; t++) {
        h = step(m, window[t], h);
        const logits = h.matMul(m.Wy).add(m.by);
        const target = tf.oneHot(tf.tensor1d([window[t + 1]], 'int32'), NOTES);
        sum = sum.add(tf.losses.softmaxCrossEntropy(target, logits));
      }
      finalState = tf.keep(h);
      return sum.div(window.length - 1) as tf.Scalar;
    }, true)!;

    // Truncated BPTT with k = CHUNK: the next chunk starts from this chunk's final state,
    // copied into a fresh tensor so that no gradient is taken across the chunk boundary.
    const detached = tf.tensor2d(finalState.dataSync(), [1, H]);
    finalState.dispose();
    carry.dispose();
    carry = detached;

    const value = loss.dataSync()[0];
    loss.dispose();
    report(chunks, value);
    total += value;
    chunks++;
  }
  carry.dispose();
  return total / Math.max(1, chunks);
}

const rnn = createRnn();
const optimizer = tf.train.adam(0.02);

self.onmessage = async (ev: MessageEvent<{ type: 'train'; notes: number[]; epochs: number }>) => {
  if (ev.data.type !== 'train') return;
  const { notes, epochs } = ev.data;
  for (let e = 0; e < epochs; e++) {
    const mean = trainEpoch(rnn, notes, optimizer, (chunk, loss) => {
      self.postMessage({ type: 'chunk', epoch: e, chunk, loss });
    });
    self.postMessage({ type: 'epoch', epoch: e, loss: mean });
    await tf.nextFrame();
  }
  self.postMessage({ type: 'done' });
};
