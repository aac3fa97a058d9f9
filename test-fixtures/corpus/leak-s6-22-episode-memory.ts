// expect: state-leak
// Evaluates a recurrent policy on a partially observable grid-world over many episodes, threading the agent's memory through each action.
import * as tf from '@tensorflow/tfjs';

export interface Env {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

export class RecurrentAgent {
  readonly units = 32;
  private readonly W: tf.Variable;
  private readonly U: tf.Variable;
  private readonly b: tf.Variable;
  private readonly Wpi: tf.Variable;

  constructor(obsDim: number, readonly nActions: number) {
    this.W = tf.variable(tf.randomNormal([obsDim, this.units], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([this.units, this.units], 0, 0.1));
    this.b = tf.variable(tf.zeros([this.units]));
    this.Wpi = tf.variable(tf.randomNormal([this.units, nActions], 0, 0.1));
  }

  initialState(): tf.Tensor2D {
    return tf.zeros([1, this.units]);
  }

  act(obs: number[], memory: tf.Tensor2D): [number, tf.Tensor2D] {
    return tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const next: tf.Tensor2D = tf.tanh(tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(memory, this.U)), this.b));
      const logits = tf.matMul(next, this.Wpi) as tf.Tensor2D;
      const action = tf.multinomial(logits, 1).dataSync()[0];
      return [action, next] as [number, tf.Tensor2D];
    });
  }
}

export function evaluate(agent: RecurrentAgent, env: Env, episodes: number, maxSteps = 200): number[] {
  const returns: number[] = [];
  let memory = agent.initialState();

  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let total = 0;
    for (let t = 0; t < maxSteps; t++) {
      const [action, nextMemory] = agent.act(obs, memory);
      memory.dispose();
      memory = nextMemory;
      const res = env.step(action);
      total += res.reward;
      obs = res.obs;
      if (res.done) break;
    }
    returns.push(total);
  }

  memory.dispose();
  return returns;
}

export function summary(returns: number[]): { mean: number; best: number; worst: number } {
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  return { mean, best: Math.max(...returns), worst: Math.min(...returns) };
}
