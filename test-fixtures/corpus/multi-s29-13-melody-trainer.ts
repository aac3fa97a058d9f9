// expect: bptt-cut, stacked-activation
// Melody doodler page: learns next-note prediction from the phrases you tap in, then improvises with a temperature slider.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const NOTES = 12;
const UNITS = 24;

const enc = {
  wx: tf.variable(tf.randomNormal([NOTES, UNITS], 0, 0.3, 'float32', 51), true, 'enc_wx'),
  wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.2, 'float32', 52), true, 'enc_wh'),
  b: tf.variable(tf.zeros([UNITS]), true, 'enc_b'),
};
const head = {
  w: tf.variable(tf.randomNormal([UNITS, NOTES], 0, 0.3, 'float32', 53), true, 'head_w'),
  b: tf.variable(tf.zeros([NOTES]), true, 'head_b'),
};
const optimizer = tf.train.adam(0.02);

function encode(notes: number[]): tf.Tensor2D {
  return tf.tidy(() => {
    let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
    for (const n of notes) {
      const x = tf.oneHot(tf.tensor1d([n], 'int32'), NOTES).toFloat() as tf.Tensor2D;
      h = tf.tanh(tf.matMul(x, enc.wx).add(tf.matMul(h, enc.wh as tf.Tensor2D)).add(enc.b));
    }
    return h;
  });
}

function readout(h: tf.Tensor2D): tf.Tensor2D {
  return tf.softmax(tf.matMul(h, head.w as tf.Tensor2D).add(head.b));
}

export async function trainOn(phrases: number[][], epochs = 20, onEpoch?: (e: number, loss: number) => void) {
  for (let e = 0; e < epochs; e++) {
    let sum = 0;
    for (const phrase of phrases) {
      if (phrase.length < 2) continue;
      const context = encode(phrase.slice(0, -1));
      const target = tf.oneHot(tf.tensor1d([phrase[phrase.length - 1]], 'int32'), NOTES).toFloat();
      const { value, grads } = tf.variableGrads(
        () => tf.metrics.categoricalCrossentropy(target, readout(context)).mean() as tf.Scalar,
      );
      optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
      sum += value.dataSync()[0];
      tf.dispose([context, target, value]);
      tf.dispose(grads);
    }
    onEpoch?.(e, sum / phrases.length);
    await tf.nextFrame();
  }
}

export function sampleNext(notes: number[], temperature: number): number {
  return tf.tidy(() => {
    const probs = readout(encode(notes));
    const dist = tf.softmax(probs.div(temperature)) as tf.Tensor2D;
    return tf.multinomial(dist, 1, undefined, true).dataSync()[0];
  });
}

export function improvise(seed: number[], length: number, temperature: number): number[] {
  const out = [...seed];
  while (out.length < seed.length + length) out.push(sampleNext(out.slice(-16), temperature));
  return out.slice(seed.length);
}

export function mountPage(doc: Document): void {
  const phrases: number[][] = [];
  let current: number[] = [];
  doc.querySelectorAll<HTMLButtonElement>('button.key').forEach((btn, i) => {
    btn.addEventListener('click', () => current.push(i % NOTES));
  });
  doc.getElementById('save')?.addEventListener('click', () => {
    if (current.length > 1) phrases.push(current);
    current = [];
  });
  doc.getElementById('train')?.addEventListener('click', async () => {
    const log = doc.getElementById('log');
    await trainOn(phrases, 30, (e, loss) => {
      if (log) log.textContent = `epoch ${e + 1}: ${loss.toFixed(3)}`;
    });
  });
  doc.getElementById('play')?.addEventListener('click', () => {
    const slider = doc.getElementById('temp') as HTMLInputElement | null;
    const notes = improvise(phrases[0] ?? [0, 4, 7], 16, Number(slider?.value ?? 1));
    const log = doc.getElementById('log');
    if (log) log.textContent = notes.join(' ');
  });
}
