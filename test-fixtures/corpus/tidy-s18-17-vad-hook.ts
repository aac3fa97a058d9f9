// expect: tidy-disposed-state
// Voice-activity hook: each audio frame re-renders useVoiceActivity, which steps an RNN over band energies and reports speech/no-speech.
import * as tf from '@tensorflow/tfjs';

interface HookFrame {
  slots: unknown[];
  index: number;
}

const frame: HookFrame = { slots: [], index: 0 };

function useMemo<T>(factory: () => T): T {
  const i = frame.index++;
  if (!(i in frame.slots)) frame.slots[i] = factory();
  return frame.slots[i] as T;
}

function useRef<T>(init: () => T): { current: T } {
  return useMemo(() => ({ current: init() }));
}

export function mount<P, R>(hook: (props: P) => R): (props: P) => R {
  return (props: P) => {
    frame.index = 0;
    return hook(props);
  };
}

const BANDS = 8;
const UNITS = 16;

interface VadWeights {
  Wx: tf.Tensor2D;
  Wh: tf.Tensor2D;
  b: tf.Tensor1D;
  w: tf.Tensor2D;
}

function createWeights(): VadWeights {
  return {
    Wx: tf.randomNormal([BANDS, UNITS], 0, 0.4, 'float32', 101) as tf.Tensor2D,
    Wh: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 102) as tf.Tensor2D,
    b: tf.zeros([UNITS]) as tf.Tensor1D,
    w: tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 103) as tf.Tensor2D,
  };
}

function bandEnergies(samples: Float32Array): number[] {
  const size = Math.floor(samples.length / BANDS);
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let e = 0;
    for (let k = b * size; k < (b + 1) * size; k++) e += samples[k] * samples[k];
    out.push(Math.log(1e-6 + e / size));
  }
  return out;
}

export function useVoiceActivity({ samples, threshold = 0.5 }: { samples: Float32Array; threshold?: number }) {
  const weights = useMemo(createWeights);
  const hidden = useRef<tf.Tensor2D>(() => tf.zeros([1, UNITS]));
  const counter = useRef(() => 0);

  const prob = tf.tidy(() => {
    const x = tf.tensor2d([bandEnergies(samples)]);
    const hNew = tf.tanh(
      tf.add(tf.add(tf.matMul(x, weights.Wx), tf.matMul(hidden.current, weights.Wh)), weights.b),
    ) as tf.Tensor2D;
    hidden.current = hNew;
    return tf.sigmoid(tf.matMul(hNew, weights.w)).dataSync()[0];
  });

  counter.current += 1;
  return { speaking: prob > threshold, prob, frames: counter.current };
}

export function runMicrophone(frames: Float32Array[]): boolean[] {
  const render = mount(useVoiceActivity);
  return frames.map((samples) => render({ samples }).speaking);
}

if (require.main === module) {
  const frames: Float32Array[] = [];
  for (let f = 0; f < 6; f++) {
    const buf = new Float32Array(256);
    for (let i = 0; i < buf.length; i++) buf[i] = (f >= 2 && f <= 4 ? 0.5 : 0.01) * Math.sin(i * (0.1 + f * 0.05));
    frames.push(buf);
  }
  console.log(runMicrophone(frames).map((s) => (s ? 'speech' : '-')).join(' '));
}
