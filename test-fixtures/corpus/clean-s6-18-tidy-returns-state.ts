// expect: none
// A factory builds a streaming wake-word detector returning { step, reset }; each step runs in tf.tidy and hands the new recurrent vector back out.
import * as tf from '@tensorflow/tfjs';

export interface StreamingDetector {
  step(frame: Float32Array): number[];
  reset(): void;
}

export function makeDetector(inputDim: number, units: number, classes: number): StreamingDetector {
  const Wx = tf.variable(tf.randomNormal([inputDim, units], 0, 0.1));
  const Wh = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  const b = tf.variable(tf.zeros([units]));
  const Wo = tf.variable(tf.randomNormal([units, classes], 0, 0.1));
  const bo = tf.variable(tf.zeros([classes]));
  let h: tf.Tensor2D = tf.zeros([1, units]);

  return {
    step(frame: Float32Array): number[] {
      const [probs, hNext] = tf.tidy(() => {
        const x = tf.tensor2d(frame, [1, inputDim]);
        const hn: tf.Tensor2D = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(b));
        return [tf.softmax(hn.matMul(Wo).add(bo)), hn];
      });
      h.dispose();
      h = hNext as tf.Tensor2D;
      const out = Array.from(probs.dataSync() as Float32Array);
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
  detector: StreamingDetector,
  onWake: (frameIndex: number) => void,
  threshold = 0.85,
): Promise<void> {
  let hits = 0;
  let i = 0;
  for await (const frame of frames) {
    const [, wake] = detector.step(frame);
    hits = wake > threshold ? hits + 1 : 0;
    if (hits >= 3) {
      onWake(i);
      detector.reset();
      hits = 0;
    }
    i++;
  }
}
