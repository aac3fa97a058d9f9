// expect: none
// Drum-machine toy: an LSTM picks the next drum hit on every beat, driven by requestAnimationFrame, and draws the odds as bars.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const DRUMS = ['kick', 'snare', 'hat', 'open-hat', 'clap', 'tom', 'rim', 'rest'];
const UNITS = 16;

export class DrumLstm {
  private readonly kernel = tf.randomNormal([DRUMS.length + UNITS, 4 * UNITS], 0, 0.3, 'float32', 161) as tf.Tensor2D;
  private readonly bias = tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]) as tf.Tensor1D;
  private readonly proj = tf.randomNormal([UNITS, DRUMS.length], 0, 0.8, 'float32', 162) as tf.Tensor2D;
  private readonly projBias = tf.zeros([DRUMS.length]) as tf.Tensor1D;
  h = tf.zeros([1, UNITS]) as tf.Tensor2D;
  c = tf.zeros([1, UNITS]) as tf.Tensor2D;

  next(prev: number, temperature: number): { hit: number; probs: number[] } {
    const [h, c, probs] = tf.tidy((): tf.Tensor[] => {
      const x = tf.oneHot(tf.tensor1d([prev], 'int32'), DRUMS.length).toFloat();
      const z = tf.matMul(tf.concat([x, this.h], 1), this.kernel).add(this.bias);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNew = tf.sigmoid(f).mul(this.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
      const logits = tf.matMul(hNew, this.proj).add(this.projBias);
      return [hNew, cNew, tf.softmax(logits.div(temperature))];
    });
    tf.dispose([this.h, this.c]);
    this.h = h as tf.Tensor2D;
    this.c = c as tf.Tensor2D;

    const p = Array.from(probs.dataSync());
    probs.dispose();
    let r = Math.random();
    let hit = p.length - 1;
    for (let k = 0; k < p.length; k++) {
      r -= p[k];
      if (r <= 0) {
        hit = k;
        break;
      }
    }
    return { hit, probs: p };
  }

  restart(): void {
    tf.dispose([this.h, this.c]);
    this.h = tf.zeros([1, UNITS]);
    this.c = tf.zeros([1, UNITS]);
  }
}

export function play(canvas: HTMLCanvasElement, bpm: number, getTemp: () => number, onHit: (d: string) => void) {
  const ctx = canvas.getContext('2d');
  const model = new DrumLstm();
  const beatMs = 60000 / bpm / 2;
  let last = -Infinity;
  let prev = DRUMS.length - 1;
  let beat = 0;
  let raf = 0;

  const draw = (probs: number[]) => {
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const w = canvas.width / probs.length;
    probs.forEach((p, k) => ctx.fillRect(k * w + 2, canvas.height * (1 - p), w - 4, canvas.height * p));
  };

  const frame = (now: number) => {
    if (now - last >= beatMs) {
      last = now;
      if (beat % 32 === 0) model.restart();
      const { hit, probs } = model.next(prev, getTemp());
      prev = hit;
      beat++;
      onHit(DRUMS[hit]);
      draw(probs);
    }
    raf = requestAnimationFrame(frame);
  };
  raf = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(raf);
}
