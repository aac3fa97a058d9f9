// expect: stale-state, stacked-activation
// Melody generator: seeds a GRU decoder from a motif encoding and samples notes with a temperature knob.
import * as tf from '@tensorflow/tfjs';

const NOTES = 16;
const UNITS = 20;

export class MelodyDecoder {
  private readonly embed = tf.randomNormal([NOTES, 8], 0, 1, 'float32', 181) as tf.Tensor2D;
  private readonly gru = tf.layers.gru({ units: UNITS, returnState: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 182 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 183 }) });
  private readonly head = tf.layers.dense({ units: NOTES, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 184 }) });
  hidden: tf.Tensor2D | null = null;

  step(note: number, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    return tf.tidy(() => {
      const x = this.embed.slice([note, 0], [1, -1]).expandDims(1) as tf.Tensor3D;
      const [out, hNew] = this.gru.apply(x, { initialState: [h] }) as tf.Tensor[];
      return [this.head.apply(out) as tf.Tensor2D, hNew as tf.Tensor2D];
    });
  }
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleWithTemperature(dist: tf.Tensor2D, temperature: number, rand: () => number): number {
  const p = tf.tidy(() => tf.softmax(dist.div(temperature)).dataSync());
  let u = rand();
  for (let i = 0; i < p.length; i++) {
    u -= p[i];
    if (u <= 0) return i;
  }
  return p.length - 1;
}

export function generate(dec: MelodyDecoder, motif: tf.Tensor2D, length: number, temperature = 0.8, seed = 1): number[] {
  const rand = mulberry32(seed);
  const hidden = motif;
  const melody: number[] = [0];
  while (melody.length < length) {
    const [dist, next] = dec.step(melody[melody.length - 1], hidden);
    melody.push(sampleWithTemperature(dist, temperature, rand));
    dist.dispose();
    if (dec.hidden) dec.hidden.dispose();
    dec.hidden = next;
  }
  return melody;
}

export function distributionsFor(dec: MelodyDecoder, motif: tf.Tensor2D, notes: number[]): number[][] {
  let h = motif;
  return notes.map((n) => {
    const [dist, next] = dec.step(n, h);
    if (h !== motif) h.dispose();
    h = next;
    const row = Array.from(dist.dataSync());
    dist.dispose();
    return row;
  });
}

export function encodeMotif(notes: number[]): tf.Tensor2D {
  return tf.tidy(() => {
    const hist = tf.oneHot(tf.tensor1d(notes, 'int32'), NOTES).toFloat().sum(0);
    return tf.tanh(hist.slice([0], [UNITS > NOTES ? NOTES : UNITS]).pad([[0, Math.max(0, UNITS - NOTES)]])).expandDims(0) as tf.Tensor2D;
  });
}
