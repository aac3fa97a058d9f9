// expect: none
// Recurrent actor-critic for a partially observed gridworld: collects fixed-length rollouts and updates after each one.
import * as tf from '@tensorflow/tfjs';

export interface Env {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
  readonly obsSize: number;
  readonly numActions: number;
}

const UNITS = 64;
const ROLLOUT = 20;
const GAMMA = 0.97;

export class RecurrentA2C {
  private Wx: tf.Variable; private Wh: tf.Variable; private b: tf.Variable;
  private Wpi: tf.Variable; private Wv: tf.Variable;
  private opt = tf.train.rmsprop(7e-4);

  constructor(private env: Env) {
    this.Wx = tf.variable(tf.randomNormal([env.obsSize, UNITS], 0, 0.1));
    this.Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.1));
    this.b = tf.variable(tf.zeros([UNITS]));
    this.Wpi = tf.variable(tf.randomNormal([UNITS, env.numActions], 0, 0.01));
    this.Wv = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.01));
  }

  private core(obs: tf.Tensor2D, memory: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.addN([tf.matMul(obs, this.Wx), tf.matMul(memory, this.Wh), this.b])) as tf.Tensor2D;
  }

  async train(totalSteps: number, log: (s: string) => void) {
    let obs = this.env.reset();
    let memory = tf.zeros([1, UNITS]) as tf.Tensor2D;
    let episodeReturn = 0;

    for (let step = 0; step < totalSteps; step += ROLLOUT) {
      // Start of a training window. The previous window's state is copied out as plain
      // numbers so this window's gradients stop here (intentional truncation).
      const startMemory = tf.tensor2d(await memory.array());
      const observations: number[][] = [];
      const actions: number[] = [];
      const rewards: number[] = [];
      const notDone: number[] = [];
      const baselines: number[] = [];

      for (let t = 0; t < ROLLOUT; t++) {
        const [sample, value, nextMemory] = tf.tidy(() => {
          const h = this.core(tf.tensor2d([obs]), memory);
          const logits = tf.matMul(h, this.Wpi) as tf.Tensor2D;
          return [tf.multinomial(logits, 1), tf.matMul(h, this.Wv), h] as [tf.Tensor, tf.Tensor, tf.Tensor2D];
        });
        const action = (await sample.data())[0];
        baselines.push((await value.data())[0]);
        tf.dispose([sample, value]);
        memory.dispose();
        memory = nextMemory;

        const res = this.env.step(action);
        observations.push(obs); actions.push(action); rewards.push(res.reward);
        notDone.push(res.done ? 0 : 1);
        episodeReturn += res.reward;
        obs = res.obs;
        if (res.done) {
          log(`episode return ${episodeReturn.toFixed(2)}`);
          episodeReturn = 0;
          obs = this.env.reset();
          memory.dispose();
          memory = tf.zeros([1, UNITS]);
        }
      }

      const bootstrap = tf.tidy(() =>
        tf.matMul(this.core(tf.tensor2d([obs]), memory), this.Wv).dataSync()[0]);
      const returns: number[] = new Array(ROLLOUT);
      let R = bootstrap;
      for (let t = ROLLOUT - 1; t >= 0; t--) {
        R = rewards[t] + GAMMA * R * notDone[t];
        returns[t] = R;
      }

      this.opt.minimize(() => {
        let h = startMemory;
        const logps: tf.Tensor[] = [];
        const values: tf.Tensor[] = [];
        for (let t = 0; t < ROLLOUT; t++) {
          h = this.core(tf.tensor2d([observations[t]]), h);
          const logits = tf.matMul(h, this.Wpi);
          logps.push(tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot([actions[t]], this.env.numActions))));
          values.push(tf.matMul(h, this.Wv).reshape([]));
          // same reset as the rollout: an episode boundary zeroes the memory
          h = tf.mul(h, notDone[t]) as tf.Tensor2D;
        }
        // advantages use the rollout-time value estimates, so they act as constants here
        const adv = tf.tensor1d(returns.map((r, t) => r - baselines[t]));
        const policyLoss = tf.neg(tf.mean(tf.mul(tf.stack(logps), adv)));
        const valueLoss = tf.mean(tf.square(tf.sub(tf.tensor1d(returns), tf.stack(values))));
        return tf.add(policyLoss, tf.mul(0.5, valueLoss)) as tf.Scalar;
      });
      startMemory.dispose();
    }
    memory.dispose();
  }
}
