// expect: state-leak
// Evaluates a recurrent grid-world policy over many episodes and stores the return curve in localStorage for a dashboard.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';
import { GridWorld } from './gridworld';

interface PolicyWeights {
  wx: number[][];
  wh: number[][];
  b: number[];
  wPi: number[][];
}

export class RecurrentAgent {
  private h: tf.Tensor2D;
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly wPi: tf.Tensor2D;

  constructor(w: PolicyWeights) {
    this.wx = tf.tensor2d(w.wx);
    this.wh = tf.tensor2d(w.wh);
    this.b = tf.tensor1d(w.b);
    this.wPi = tf.tensor2d(w.wPi);
    this.h = tf.zeros([1, w.wh.length]);
  }

  reset(): void {
    this.h.dispose();
    this.h = tf.zeros([1, this.wh.shape[0]]);
  }

  act(obs: number[]): number {
    const [action, hNext] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const h = tf.tanh(tf.add(tf.add(tf.matMul(x, this.wx), tf.matMul(this.h, this.wh)), this.b));
      const logits = tf.matMul(h, this.wPi);
      return [tf.argMax(logits, 1), h];
    });
    this.h.dispose();
    this.h = hNext as tf.Tensor2D;
    const a = action.dataSync()[0];
    action.dispose();
    return a;
  }
}

export async function evaluate(weightsUrl: string, episodes = 200): Promise<number[]> {
  const weights: PolicyWeights = await (await fetch(weightsUrl)).json();
  const agent = new RecurrentAgent(weights);
  const env = new GridWorld({ size: 8, maxSteps: 120 });
  const returns: number[] = [];

  agent.reset();
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let done = false;
    let total = 0;
    while (!done) {
      const action = agent.act(obs);
      const result = env.step(action);
      obs = result.obs;
      done = result.done;
      total += result.reward;
    }
    returns.push(total);
    if (ep % 10 === 9) {
      localStorage.setItem('gridworld-returns', JSON.stringify(returns));
      console.log(`episode ${ep + 1}: mean return ${(returns.reduce((s, r) => s + r, 0) / returns.length).toFixed(2)}`);
    }
  }
  return returns;
}
