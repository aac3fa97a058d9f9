// expect: none
// Recurrent PPO: collect one episode with an LSTM policy, then run clipped-surrogate epochs over it.
import * as tf from '@tensorflow/tfjs';

type State = { h: tf.Tensor2D; c: tf.Tensor2D };

export class LstmPolicy {
  readonly W = tf.variable(tf.randomNormal([3, 64], 0, 0.2));
  readonly U = tf.variable(tf.randomNormal([16, 64], 0, 0.2));
  readonly b = tf.variable(tf.zeros([64]));
  readonly Wpi = tf.variable(tf.randomNormal([16, 2], 0, 0.1));
  readonly Wv = tf.variable(tf.randomNormal([16, 1], 0, 0.1));

  zeroState(): State {
    return { h: tf.zeros([1, 16]), c: tf.zeros([1, 16]) };
  }

  step(x: tf.Tensor2D, s: State): State {
    const [i, f, g, o] = tf.split(x.matMul(this.W).add(s.h.matMul(this.U)).add(this.b), 4, 1);
    const c = tf.sigmoid(f).mul(s.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  }

  heads(h: tf.Tensor2D): { logits: tf.Tensor2D; value: tf.Tensor2D } {
    return { logits: h.matMul(this.Wpi) as tf.Tensor2D, value: h.matMul(this.Wv) as tf.Tensor2D };
  }
}

export interface Episode {
  obs: number[][];
  actions: number[];
  logp: number[];
  values: number[];
  rewards: number[];
}

export interface Env {
  reset(): number[];
  step(a: number): { obs: number[]; reward: number; done: boolean };
}

export function collectEpisode(policy: LstmPolicy, env: Env, maxLen = 64): Episode {
  const ep: Episode = { obs: [], actions: [], logp: [], values: [], rewards: [] };
  let state = policy.zeroState();
  let obs = env.reset();
  for (let t = 0; t < maxLen; t++) {
    const [h, c, logp, value] = tf.tidy(() => {
      const next = policy.step(tf.tensor2d([obs]), state);
      const { logits, value } = policy.heads(next.h);
      return [next.h, next.c, tf.logSoftmax(logits), value];
    }) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    tf.dispose([state.h, state.c]);
    state = { h, c };
    const lp = logp.dataSync();
    const action = Math.random() < Math.exp(lp[0]) ? 0 : 1;
    ep.obs.push(obs);
    ep.actions.push(action);
    ep.logp.push(lp[action]);
    ep.values.push(value.dataSync()[0]);
    tf.dispose([logp, value]);
    const res = env.step(action);
    ep.rewards.push(res.reward);
    obs = res.obs;
    if (res.done) break;
  }
  tf.dispose([state.h, state.c]);
  return ep;
}

function gae(ep: Episode, gamma = 0.99, lambda = 0.95): { adv: number[]; ret: number[] } {
  const T = ep.rewards.length;
  const adv = new Array<number>(T).fill(0);
  let running = 0;
  for (let t = T - 1; t >= 0; t--) {
    const nextV = t + 1 < T ? ep.values[t + 1] : 0;
    running = ep.rewards[t] + gamma * nextV - ep.values[t] + gamma * lambda * running;
    adv[t] = running;
  }
  return { adv, ret: adv.map((a, t) => a + ep.values[t]) };
}

export function ppoUpdate(policy: LstmPolicy, opt: tf.Optimizer, ep: Episode, epochs = 4, clip = 0.2): number[] {
  const { adv, ret } = gae(ep);
  const T = ep.actions.length;
  const obs = tf.tensor2d(ep.obs);
  const act = tf.oneHot(tf.tensor1d(ep.actions, 'int32'), 2);
  const oldLogp = tf.tensor1d(ep.logp);
  const advT = tf.tensor1d(adv);
  const retT = tf.tensor1d(ret);
  const losses: number[] = [];

  for (let e = 0; e < epochs; e++) {
    const loss = opt.minimize(() => {
      // replay the episode through the core from its (zero) start state, keeping the graph across steps
      let s = policy.zeroState();
      const logits: tf.Tensor2D[] = [];
      const values: tf.Tensor2D[] = [];
      for (let t = 0; t < T; t++) {
        s = policy.step(obs.slice([t, 0], [1, -1]), s);
        const out = policy.heads(s.h);
        logits.push(out.logits);
        values.push(out.value);
      }
      const logp = tf.logSoftmax(tf.concat(logits, 0)).mul(act).sum(1);
      const ratio = tf.exp(logp.sub(oldLogp));
      const surr = tf.minimum(ratio.mul(advT), tf.clipByValue(ratio, 1 - clip, 1 + clip).mul(advT));
      const vLoss = tf.concat(values, 0).reshape([-1]).sub(retT).square().mean();
      return surr.mean().neg().add(vLoss.mul(0.5)) as tf.Scalar;
    }, true);
    losses.push(loss!.dataSync()[0]);
    loss!.dispose();
  }
  tf.dispose([obs, act, oldLogp, advT, retT]);
  return losses;
}

if (require.main === module) {
  let cue = 0;
  let t = 0;
  const env: Env = {
    reset: () => ((cue = Math.random() < 0.5 ? 0 : 1), (t = 0), [1, cue, 0]),
    step: (a) => (t++, t < 4 ? { obs: [0, 0, 0], reward: 0, done: false } : { obs: [0, 0, 1], reward: a === cue ? 1 : -1, done: true }),
  };
  const policy = new LstmPolicy();
  const opt = tf.train.adam(3e-3);
  for (let it = 0; it < 5; it++) {
    const ep = collectEpisode(policy, env);
    console.log('iter', it, 'return', ep.rewards.reduce((a, b) => a + b, 0), 'loss', ppoUpdate(policy, opt, ep)[0].toFixed(4));
  }
}
