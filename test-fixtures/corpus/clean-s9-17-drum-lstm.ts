// expect: none
// drum pattern generator: one tf.basicLSTMCell unrolled by hand, state lives across the whole generated bar
import * as tf from '@tensorflow/tfjs';

const DRUMS = ['kick', 'snare', 'hat', 'clap'];
const D = DRUMS.length;
const UNITS = 20;
const STEPS_PER_BAR = 16;

const kernel = tf.randomNormal([D + UNITS, 4 * UNITS], 0, 0.3) as tf.Tensor2D;
const bias = tf.zeros([4 * UNITS]) as tf.Tensor1D;
const forgetBias = tf.scalar(1.0);
const Wout = tf.randomNormal([UNITS, D], 0, 0.8) as tf.Tensor2D;
const bOut = tf.tensor1d([0.5, -0.5, 1.0, -1.5]);

let h: tf.Tensor2D = tf.zeros([1, UNITS]);
let c: tf.Tensor2D = tf.zeros([1, UNITS]);
let threshold = 0.5;

function resetState() {
  tf.dispose([h, c]);
  h = tf.zeros([1, UNITS]);
  c = tf.zeros([1, UNITS]);
}

function stepOnce(prevHits: number[]): number[] {
  const probs = tf.tidy(() => {
    const x = tf.tensor2d([prevHits]);
    const [cNext, hNext] = tf.basicLSTMCell(forgetBias, kernel, bias, x, c, h);
    const oldC = c;
    const oldH = h;
    c = tf.keep(cNext);
    h = tf.keep(hNext);
    tf.dispose([oldC, oldH]);
    return tf.sigmoid(hNext.matMul(Wout).add(bOut));
  });
  const p = Array.from(probs.dataSync());
  probs.dispose();
  return p;
}

export function generateBar(seed: number[] = [1, 0, 1, 0]): number[][] {
  resetState();
  const bar: number[][] = [];
  let prev = seed;
  for (let s = 0; s < STEPS_PER_BAR; s++) {
    const p = stepOnce(prev);
    const hits = p.map(v => (v > threshold ? 1 : 0));
    bar.push(hits);
    prev = hits;
  }
  return bar;
}

export function stateNorms(): [number, number] {
  return tf.tidy(() => [h.norm().dataSync()[0], c.norm().dataSync()[0]]) as [number, number];
}

function printBar(bar: number[][]) {
  for (let d = 0; d < D; d++) {
    console.log(DRUMS[d].padEnd(6), bar.map(step => (step[d] ? 'x' : '.')).join(''));
  }
}

if (require.main === module) {
  for (let i = 0; i < 3; i++) {
    threshold = 0.45 + i * 0.05;
    const bar = generateBar();
    console.log(`--- bar ${i + 1} (threshold ${threshold.toFixed(2)})`);
    printBar(bar);
    const [hn, cn] = stateNorms();
    console.log(`|h|=${hn.toFixed(3)} |c|=${cn.toFixed(3)} tensors=${tf.memory().numTensors}`);
  }
}
