// expect: returns-input-state
// Doodle autocompleter: a sketch-rnn-like decoder keeps drawing pen strokes on a canvas after the user lifts the pen.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

type Stroke = [number, number, number]; // dx, dy, penLifted
interface Carry { h: tf.Tensor2D; c: tf.Tensor2D }

interface DecoderWeights {
  kernel: tf.Tensor2D; // [3 + units, 4 * units]
  bias: tf.Tensor1D;
  outW: tf.Tensor2D; // [units, 5]: mu_x, mu_y, log_sigma_x, log_sigma_y, pen_logit
  outB: tf.Tensor1D;
}

const UNITS = 256;
const SCALE = 20;

function lstmStep(w: DecoderWeights, x: tf.Tensor2D, carry: Carry): [tf.Tensor2D, Carry] {
  const z = tf.add(tf.matMul(tf.concat([x, carry.h], 1), w.kernel), w.bias);
  const [i, j, f, o] = tf.split(z, 4, 1);
  const newC = tf.add(
    tf.mul(carry.c, tf.sigmoid(tf.add(f, 1.0))),
    tf.mul(tf.sigmoid(i), tf.tanh(j)),
  ) as tf.Tensor2D;
  const newH = tf.mul(tf.tanh(newC), tf.sigmoid(o)) as tf.Tensor2D;
  return [newH, { h: newH, c: carry.c }];
}

function sampleStroke(w: DecoderWeights, h: tf.Tensor2D, temperature: number): Stroke {
  return tf.tidy(() => {
    const params = tf.add(tf.matMul(h, w.outW), w.outB).dataSync();
    const [muX, muY, logSx, logSy, penLogit] = Array.from(params);
    const gauss = () => {
      const u = 1 - Math.random();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * Math.random());
    };
    const t = Math.sqrt(temperature);
    const dx = muX + Math.exp(logSx) * t * gauss();
    const dy = muY + Math.exp(logSy) * t * gauss();
    const pen = Math.random() < 1 / (1 + Math.exp(-penLogit / temperature)) ? 1 : 0;
    return [dx, dy, pen] as Stroke;
  });
}

export function autocomplete(w: DecoderWeights, userStrokes: Stroke[], extra: number, temperature = 0.4): Stroke[] {
  return tf.tidy(() => {
    let carry: Carry = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
    let h = carry.h;
    for (const s of userStrokes) {
      [h, carry] = lstmStep(w, tf.tensor2d([[s[0] / SCALE, s[1] / SCALE, s[2]]]), carry);
    }

    const generated: Stroke[] = [];
    let last: Stroke = userStrokes[userStrokes.length - 1] ?? [0, 0, 0];
    for (let k = 0; k < extra; k++) {
      [h, carry] = lstmStep(w, tf.tensor2d([[last[0] / SCALE, last[1] / SCALE, last[2]]]), carry);
      const s = sampleStroke(w, h, temperature);
      last = [s[0] * SCALE, s[1] * SCALE, s[2]];
      generated.push(last);
    }
    return generated;
  });
}

// ---- canvas glue --------------------------------------------------------------
export function drawStrokes(ctx: CanvasRenderingContext2D, start: [number, number], strokes: Stroke[]) {
  let [x, y] = start;
  let penDown = true;
  ctx.beginPath();
  ctx.moveTo(x, y);
  for (const [dx, dy, lifted] of strokes) {
    x += dx;
    y += dy;
    if (penDown) ctx.lineTo(x, y); else ctx.moveTo(x, y);
    penDown = lifted === 0;
  }
  ctx.stroke();
}

export function onPenUp(w: DecoderWeights, canvas: HTMLCanvasElement, strokes: Stroke[], end: [number, number]) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.strokeStyle = '#999';
  drawStrokes(ctx, end, autocomplete(w, strokes, 60));
}
