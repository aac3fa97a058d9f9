// Steps recurrent policies through environments that restart themselves when an episode ends.
import * as tf from '@tensorflow/tfjs';

interface Env {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

const W = tf.randomNormal([3, 8]);
const U = tf.randomNormal([8, 8]);

function step(obs: number[], h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.tensor2d([obs]).matMul(W).add(h.matMul(U)));
}

export function play(env: Env, steps: number): number {
  let h = tf.zeros([1, 8]) as tf.Tensor2D;
  let obs = env.reset();
  let total = 0;
  for (let t = 0; t < steps; t++) {
    h = step(obs, h);
    const res = env.step(h.argMax(1).dataSync()[0]!);
    total += res.reward;
    obs = res.obs;
    if (res.done) {
      obs = env.reset();
      //    ~~~~~~~~~~~ state-leak
    }
  }
  return total;
}

export class VecRunner {
  readonly hidden: tf.Tensor2D[];
  obs: number[][];

  constructor(private readonly envs: Env[]) {
    this.obs = envs.map((e) => e.reset());
    this.hidden = envs.map(() => tf.zeros([1, 8]) as tf.Tensor2D);
  }

  tick(): void {
    this.envs.forEach((env, i) => {
      const next = step(this.obs[i]!, this.hidden[i]!);
      this.hidden[i] = next;
      const res = env.step(next.argMax(1).dataSync()[0]!);
      if (res.done) {
        this.obs[i] = env.reset();
        //            ~~~~~~~~~~~ state-leak
      } else {
        this.obs[i] = res.obs;
      }
    });
  }
}
