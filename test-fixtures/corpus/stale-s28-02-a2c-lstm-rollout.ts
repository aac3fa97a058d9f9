// expect: stale-state
// A2C rollout collector with an LSTM core: gathers n-step trajectories plus a bootstrap value.
import * as tf from '@tensorflow/tfjs';

type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

export interface Transition {
  obs: number[];
  action: number;
  reward: number;
  value: number;
  done: boolean;
}

export interface Env {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

export class LstmActorCritic {
  readonly kernel: tf.Variable;
  readonly recurrent: tf.Variable;
  readonly bias: tf.Variable;
  readonly piW: tf.Variable;
  readonly vW: tf.Variable;

  constructor(readonly obsSize: number, readonly units: number, readonly nActions: number) {
    this.kernel = tf.variable(tf.randomNormal([obsSize, 4 * units], 0, 0.2));
    this.recurrent = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.2));
    this.bias = tf.variable(tf.zeros([4 * units]));
    this.piW = tf.variable(tf.randomNormal([units, nActions], 0, 0.1));
    this.vW = tf.variable(tf.randomNormal([units, 1], 0, 0.1));
  }

  initialState(): LstmState {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  step(x: tf.Tensor2D, s: LstmState): LstmState {
    return tf.tidy(() => {
      const gates = x.matMul(this.kernel).add(s.h.matMul(this.recurrent)).add(this.bias);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const c = tf.sigmoid(f).mul(s.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
      return { h, c };
    });
  }

  heads(h: tf.Tensor2D): { probs: number[]; value: number } {
    return tf.tidy(() => {
      const probs = tf.softmax(h.matMul(this.piW)).dataSync();
      const value = h.matMul(this.vW).dataSync()[0];
      return { probs: Array.from(probs), value };
    });
  }
}

function sample(probs: number[]): number {
  let u = Math.random();
  for (let a = 0; a < probs.length; a++) {
    u -= probs[a];
    if (u <= 0) return a;
  }
  return probs.length - 1;
}

// Runs one episode segment from a fresh reset (at most nSteps long).
export function collectRollout(net: LstmActorCritic, env: Env, nSteps: number) {
  const state = net.initialState();
  let lastState = state;
  let obs = env.reset();
  const traj: Transition[] = [];
  const hiddenTrace: number[][] = [];

  for (let t = 0; t < nSteps; t++) {
    const x = tf.tensor2d([obs]);
    const next = net.step(x, state);
    x.dispose();
    const { probs, value } = net.heads(next.h);
    hiddenTrace.push(Array.from(next.h.dataSync()));
    const action = sample(probs);
    const res = env.step(action);
    traj.push({ obs, action, reward: res.reward, value, done: res.done });
    lastState = next;
    obs = res.obs;
    if (res.done) return { traj, bootstrap: 0, hiddenTrace };
  }

  const bootstrap = tf.tidy(() => {
    const x = tf.tensor2d([obs]);
    return net.heads(net.step(x, lastState).h).value;
  });
  return { traj, bootstrap, hiddenTrace };
}

export function nStepReturns(traj: Transition[], bootstrap: number, gamma = 0.99): number[] {
  const out = new Array<number>(traj.length);
  let R = bootstrap;
  for (let t = traj.length - 1; t >= 0; t--) {
    R = traj[t].reward + (traj[t].done ? 0 : gamma * R);
    out[t] = R;
  }
  return out;
}
