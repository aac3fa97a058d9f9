// expect: tidy-disposed-state
// A factory builds a streaming wake-word detector that returns { step, reset } and keeps the recurrent vector in a captured variable.
import * as tf from '@tensorflow/tfjs';

export interface WakeWordRnn {
  step(frame: Float32Array): number[];
  reset(): void;
}

export function makeRnn(inputDim: number, units: number, classes: number): WakeWordRnn {
  const Wx = tf.variable(tf.randomNormal([inputDim, units], 0, 0.1));
  const Wh = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  const b = tf.variable(tf.zeros([units]));
  const Wo = tf.variable(tf.randomNormal([units, classes], 0, 0.1));
  const bo = tf.variable(tf.zeros([classes]));
  let h: tf.Tensor2D = tf.zeros([1, units]);

  return {
    step(frame: Float32Array): number[] {
      const probs = tf.tidy(() => {
        const x = tf.tensor2d(frame, [1, inputDim]);
        h = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(b));
        return tf.softmax(h.matMul(Wo).add(bo));
      });
      const out = Array.from(probs.dataSync());
      probs.dispose();
      return out;
    },
    reset(): void {
      h.dispose();
      h = tf.zeros([1, units]);
    },
  };
}

export async function listen(
  frames: AsyncIterable<Float32Array>,
  rnn: WakeWordRnn,
  onWake: () => void,
  threshold = 0.85,
): Promise<void> {
  let hits = 0;
  for await (const frame of frames) {
    const [, wakeProb] = rnn.step(frame);
    hits = wakeProb > threshold ? hits + 1 : 0;
    if (hits >= 3) {
      onWake();
      rnn.reset();
      hits = 0;
    }
  }
}

export function* fakeMicrophone(seconds: number, mfccDim: number): Generator<Float32Array> {
  const framesPerSecond = 100;
  for (let i = 0; i < seconds * framesPerSecond; i++) {
    const frame = new Float32Array(mfccDim);
    for (let k = 0; k < mfccDim; k++) frame[k] = Math.sin((i + k) / 7) * 0.5;
    yield frame;
  }
}
