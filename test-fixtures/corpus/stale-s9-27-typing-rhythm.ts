// expect: stale-state
// typing-rhythm checker: a one-step GRU model takes (keystroke interval, previous state) and returns a score + next state
import * as tf from '@tensorflow/tfjs';

const UNITS = 8;
const FEATS = 2; // [interval scaled, was backspace]

function buildStepModel(): tf.LayersModel {
  const xIn = tf.input({ shape: [1, FEATS], name: 'key' });
  const hIn = tf.input({ shape: [UNITS], name: 'h_in' });
  const gru = tf.layers.gru({ units: UNITS, returnState: true, name: 'rhythm_gru' });
  const [out, hOut] = gru.apply(xIn, { initialState: [hIn] }) as tf.SymbolicTensor[];
  const score = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'bot_score' }).apply(out) as tf.SymbolicTensor;
  return tf.model({ inputs: [xIn, hIn], outputs: [score, hOut] });
}

export const stepModel = buildStepModel();
export const stateLog: number[][] = [];

export async function scoreTyping(intervalsMs: number[], backspaces: boolean[]): Promise<number[]> {
  let h = tf.zeros([1, UNITS]);
  const scores: number[] = [];
  for (let i = 0; i < intervalsMs.length; i++) {
    const x = tf.tensor3d([[[intervalsMs[i] / 500, backspaces[i] ? 1 : 0]]]);
    const [s, hNext] = stepModel.predict([x, h]) as tf.Tensor[];
    scores.push((await s.data())[0]);
    stateLog.push(Array.from(await hNext.data()).slice(0, 3));
    tf.dispose([x, s, hNext]);
    if (i % 20 === 19) await tf.nextFrame();
  }
  h.dispose();
  return scores;
}

function humanish(n: number): { iv: number[]; bs: boolean[] } {
  const iv: number[] = [];
  const bs: boolean[] = [];
  for (let i = 0; i < n; i++) {
    iv.push(120 + Math.random() * 180 + (i % 7 === 0 ? 300 : 0));
    bs.push(Math.random() < 0.08);
  }
  return { iv, bs };
}

function botish(n: number): { iv: number[]; bs: boolean[] } {
  return { iv: new Array(n).fill(50), bs: new Array(n).fill(false) };
}

async function main() {
  const runs = { human: humanish(40), bot: botish(40) };
  for (const [who, r] of Object.entries(runs)) {
    const scores = await scoreTyping(r.iv, r.bs);
    const avg = scores.reduce((a, b) => a + b, 0) / scores.length;
    const last = scores[scores.length - 1];
    console.log(`${who.padEnd(6)} avg=${avg.toFixed(4)} last=${last.toFixed(4)} first=${scores[0].toFixed(4)}`);
  }
  console.log('state samples:', JSON.stringify(stateLog.slice(-3).map(r => r.map(v => +v.toFixed(3)))));
  console.log('tensors', tf.memory().numTensors);
}

if (require.main === module) main();
