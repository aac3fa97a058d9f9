// expect: none
// Teaching page: train an RNN to count parity of a bit stream, then plot its hidden units over the test stream.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const H = 8;

export interface ParityRnn { Wx: tf.Variable; Wh: tf.Variable; b: tf.Variable; Wy: tf.Variable; by: tf.Variable }

export function createRnn(): ParityRnn {
  return {
    Wx: tf.variable(tf.randomNormal([1, H], 0, 0.5, 'float32', 901)),
    Wh: tf.variable(tf.randomNormal([H, H], 0, 0.5, 'float32', 902)),
    b: tf.variable(tf.zeros([H])),
    Wy: tf.variable(tf.randomNormal([H, 1], 0, 0.5, 'float32', 903)),
    by: tf.variable(tf.zeros([1])),
  };
}

function cell(m: ParityRnn, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(m.Wx).add(h.matMul(m.Wh)).add(m.b)) as tf.Tensor2D;
}

/** bits: [batch, T] of 0/1; target at every step is the running parity. */
function loss(m: ParityRnn, bits: tf.Tensor2D, parity: tf.Tensor2D): tf.Scalar {
  const [batch, T] = bits.shape;
  let h: tf.Tensor2D = tf.zeros([batch, H]);
  let total = tf.scalar(0);
  for (let t = 0; t < T; t++) {
    h = cell(m, bits.slice([0, t], [batch, 1]), h);
    const logit = h.matMul(m.Wy).add(m.by);
    total = total.add(tf.losses.sigmoidCrossEntropy(parity.slice([0, t], [batch, 1]), logit));
  }
  return total.div(T) as tf.Scalar;
}

function makeBatch(batch: number, T: number): { bits: tf.Tensor2D; parity: tf.Tensor2D } {
  const b: number[][] = [];
  const p: number[][] = [];
  for (let i = 0; i < batch; i++) {
    let acc = 0;
    const row: number[] = [];
    const par: number[] = [];
    for (let t = 0; t < T; t++) {
      const bit = Math.random() < 0.5 ? 1 : 0;
      acc ^= bit;
      row.push(bit);
      par.push(acc);
    }
    b.push(row);
    p.push(par);
  }
  return { bits: tf.tensor2d(b), parity: tf.tensor2d(p) };
}

export async function trainSteps(m: ParityRnn, steps: number, onStep: (i: number, l: number) => void): Promise<void> {
  const opt: tf.Optimizer = tf.train.adam(0.03);
  for (let i = 0; i < steps; i++) {
    const { bits, parity } = makeBatch(32, 6);
    const { value, grads } = tf.variableGrads(() => loss(m, bits, parity));
    opt.applyGradients(grads);
    onStep(i, (await value.data())[0]);
    tf.dispose([value, bits, parity, ...Object.values(grads)]);
    if (i % 10 === 0) await tf.nextFrame();
  }
  opt.dispose();
}

/** Hidden activations for the chart: plain numbers, no gradients needed here. */
export function hiddenTrace(m: ParityRnn, bits: number[]): number[][] {
  return tf.tidy(() => {
    let h: tf.Tensor2D = tf.zeros([1, H]);
    const rows: number[][] = [];
    for (const bit of bits) {
      h = cell(m, tf.tensor2d([[bit]]), h);
      rows.push(h.arraySync()[0]);
    }
    return rows;
  });
}

export function mountPage(trainBtn: HTMLButtonElement, lossLabel: HTMLElement, canvas: HTMLCanvasElement): ParityRnn {
  const model = createRnn();
  trainBtn.addEventListener('click', async () => {
    trainBtn.disabled = true;
    await trainSteps(model, 150, (i, l) => { lossLabel.textContent = `step ${i + 1}: ${l.toFixed(3)}`; });
    const trace = hiddenTrace(model, [1, 0, 1, 1, 0, 0, 1, 0]);
    const ctx = canvas.getContext('2d');
    trace.forEach((row, t) => row.forEach((v, u) => {
      if (!ctx) return;
      ctx.fillStyle = `rgba(${v > 0 ? '200,40,40' : '40,40,200'},${Math.abs(v)})`;
      ctx.fillRect(t * 20, u * 12, 20, 12);
    }));
    trainBtn.disabled = false;
  });
  return model;
}
