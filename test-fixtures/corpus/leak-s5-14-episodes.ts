// expect: state-leak
// Recurrent REINFORCE-style rollout collector; the policy's hidden state is created once before the episode loop and never reset when env.reset() starts a new episode.
import * as tf from '@tensorflow/tfjs';

interface Env {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

class Corridor implements Env {
  private pos = 0;
  private t = 0;
  constructor(private length = 6, private limit = 20) {}
  reset(): number[] {
    this.pos = 0;
    this.t = 0;
    return this.observe();
  }
  step(action: number) {
    this.t++;
    this.pos = Math.max(0, this.pos + (action === 1 ? 1 : -1));
    const done = this.pos >= this.length || this.t >= this.limit;
    return { obs: this.observe(), reward: this.pos >= this.length ? 1 : -0.01, done };
  }
  private observe(): number[] {
    return [this.pos / this.length, this.t / this.limit];
  }
}

class RecurrentPolicy {
  private readonly gru = tf.layers.gruCell({ units: 16 });
  private readonly head = tf.layers.dense({ units: 2 });

  initialState(): tf.Tensor2D {
    return tf.zeros([1, 16]);
  }

  act(obs: number[], h: tf.Tensor2D): { action: number; h: tf.Tensor2D } {
    if (!this.gru.built) this.gru.build([null, obs.length]);
    const [logits, hNext] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const out = this.gru.call([x, h], {}) as tf.Tensor[];
      return [this.head.apply(out[0]) as tf.Tensor2D, out[1] as tf.Tensor2D];
    });
    const action = tf.tidy(() => tf.multinomial(logits, 1).dataSync()[0]);
    logits.dispose();
    return { action, h: hNext };
  }
}

export interface Episode {
  observations: number[][];
  actions: number[];
  rewards: number[];
}

export function collect(policy: RecurrentPolicy, env: Env, episodes: number): Episode[] {
  const out: Episode[] = [];
  let hidden = policy.initialState();
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    const episode: Episode = { observations: [], actions: [], rewards: [] };
    let done = false;
    while (!done) {
      const { action, h } = policy.act(obs, hidden);
      hidden.dispose();
      hidden = h;
      const res = env.step(action);
      episode.observations.push(obs);
      episode.actions.push(action);
      episode.rewards.push(res.reward);
      obs = res.obs;
      done = res.done;
    }
    out.push(episode);
  }
  hidden.dispose();
  return out;
}

export function averageReturn(n = 5): number {
  const eps = collect(new RecurrentPolicy(), new Corridor(), n);
  const total = eps.reduce((s, e) => s + e.rewards.reduce((a, r) => a + r, 0), 0);
  return total / eps.length;
}
