// expect: none
// Streams long accelerometer recordings from an async source and trains a next-sample RNN on them chunk by chunk.
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;
const CHUNK = 16;

export const vars = {
  Wx: tf.variable(tf.randomNormal([1, UNITS], 0, 0.5, 'float32', 600), true, 'tb/Wx'),
  Wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 601), true, 'tb/Wh'),
  b: tf.variable(tf.zeros([UNITS]), true, 'tb/b'),
  Wy: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 602), true, 'tb/Wy'),
};

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, vars.Wx), tf.matMul(h, vars.Wh)), vars.b));
}

export async function* recordings(count: number, length: number): AsyncGenerator<number[]> {
  for (let r = 0; r < count; r++) {
    const freq = 0.2 + 0.1 * r;
    yield Array.from({ length }, (_, t) => Math.sin(freq * t) * 0.7);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export async function trainStream(
  source: AsyncIterable<number[]>,
  onChunk?: (recording: number, chunk: number, loss: number) => void,
): Promise<number> {
  const optimizer = tf.train.rmsprop(0.01);
  let recordingIndex = 0;
  let lastLoss = NaN;

  for await (const series of source) {
    // every recording is independent: start from a zero state
    let carry: tf.Tensor2D = tf.zeros([1, UNITS]);

    for (let start = 0, chunk = 0; start + 1 < series.length; start += CHUNK, chunk++) {
      const end = Math.min(start + CHUNK, series.length - 1);
      const kept: { last?: tf.Tensor2D } = {};

      const loss = optimizer.minimize(() => {
        let h = carry;
        const errs: tf.Tensor[] = [];
        for (let t = start; t < end; t++) {
          h = cell(tf.tensor2d([[series[t]]]), h);
          const pred = tf.matMul(h, vars.Wy);
          errs.push(tf.squaredDifference(pred, tf.tensor2d([[series[t + 1]]])));
        }
        kept.last = tf.keep(h);
        return tf.mean(tf.concat(errs, 0)) as tf.Scalar;
      }, true)!;

      // Truncated BPTT with a window of CHUNK steps: the next chunk starts from the
      // value of this chunk's last state, as a constant (no gradient into earlier chunks).
      const detached = tf.tensor2d(await kept.last!.data(), [1, UNITS]);
      kept.last!.dispose();
      carry.dispose();
      carry = detached;

      lastLoss = (await loss.data())[0];
      loss.dispose();
      onChunk?.(recordingIndex, chunk, lastLoss);
    }

    carry.dispose();
    recordingIndex += 1;
  }
  return lastLoss;
}

if (require.main === module) {
  trainStream(recordings(4, 80), (r, c, l) => {
    if (c === 0) console.log(`recording ${r} first chunk loss ${l.toFixed(4)}`);
  }).then((l) => console.log('final chunk loss', l.toFixed(4)));
}
