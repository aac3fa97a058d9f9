// expect: state-leak
// Evaluates a recurrent picking policy against the remote warehouse simulator and prints summary metrics.
import * as tf from '@tensorflow/tfjs';

interface Observation { lidar: number[]; goal: [number, number]; carrying: boolean }
interface StepResult { obs: Observation; reward: number; done: boolean }

interface Simulator {
  reset(seed: number): Promise<Observation>;
  step(action: number): Promise<StepResult>;
}

const OBS_DIM = 24 + 2 + 1;
const UNITS = 64;
const ACTIONS = 6;

export class RecurrentPolicy {
  private h: tf.Tensor2D = tf.zeros([1, UNITS]);

  constructor(private readonly model: { Wx: tf.Tensor2D; Wh: tf.Tensor2D; b: tf.Tensor1D; Wpi: tf.Tensor2D; bpi: tf.Tensor1D }) {}

  private encode(o: Observation): number[] {
    return [...o.lidar.map((d) => Math.min(d, 10) / 10), o.goal[0] / 50, o.goal[1] / 50, o.carrying ? 1 : 0];
  }

  act(o: Observation, greedy = true): number {
    const [logits, hNext] = tf.tidy(() => {
      const x = tf.tensor2d([this.encode(o)], [1, OBS_DIM]);
      const h = tf.tanh(x.matMul(this.model.Wx).add(this.h.matMul(this.model.Wh)).add(this.model.b)) as tf.Tensor2D;
      return [h.matMul(this.model.Wpi).add(this.model.bpi), h] as [tf.Tensor2D, tf.Tensor2D];
    });
    this.h.dispose();
    this.h = hNext;
    const action = greedy
      ? logits.argMax(1).dataSync()[0]
      : tf.tidy(() => tf.multinomial(logits, 1).dataSync()[0]);
    logits.dispose();
    return action;
  }

  dispose(): void {
    this.h.dispose();
  }
}

export interface EvalSummary { episodes: number; meanReturn: number; successRate: number; meanSteps: number }

export async function evaluate(sim: Simulator, policy: RecurrentPolicy, episodes = 100, maxSteps = 500): Promise<EvalSummary> {
  let totalReturn = 0;
  let successes = 0;
  let totalSteps = 0;

  for (let ep = 0; ep < episodes; ep++) {
    let obs = await sim.reset(1000 + ep);
    let ret = 0;
    let steps = 0;
    let done = false;
    while (!done && steps < maxSteps) {
      const action = policy.act(obs);
      const res = await sim.step(action);
      obs = res.obs;
      ret += res.reward;
      done = res.done;
      steps++;
    }
    totalReturn += ret;
    totalSteps += steps;
    if (done && ret > 0) successes++;
    if ((ep + 1) % 10 === 0) {
      console.log(`ep ${ep + 1}/${episodes} return=${ret.toFixed(1)} steps=${steps}`);
    }
  }

  return {
    episodes,
    meanReturn: totalReturn / episodes,
    successRate: successes / episodes,
    meanSteps: totalSteps / episodes,
  };
}

export async function main(sim: Simulator, weights: ConstructorParameters<typeof RecurrentPolicy>[0]): Promise<void> {
  const policy = new RecurrentPolicy(weights);
  try {
    const summary = await evaluate(sim, policy, Number(process.env.EPISODES ?? 100));
    console.table(summary);
  } finally {
    policy.dispose();
  }
}
