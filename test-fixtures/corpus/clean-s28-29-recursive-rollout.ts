// expect: none
// Mountain-hop bot: plays each episode recursively frame by frame, threading its LSTM memory through the calls.
import * as tf from '@tensorflow/tfjs';

type Memory = { h: tf.Tensor2D; c: tf.Tensor2D };

export interface HopEnv {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

export class HopPolicy {
  private readonly kernel = tf.variable(tf.randomNormal([2, 40], 0, 0.3));
  private readonly recurrent = tf.variable(tf.randomNormal([10, 40], 0, 0.3));
  private readonly bias = tf.variable(tf.zeros([40]));
  private readonly head = tf.variable(tf.randomNormal([10, 2], 0, 0.3));

  blank(): Memory {
    return { h: tf.zeros([1, 10]), c: tf.zeros([1, 10]) };
  }

  // returns the new memory (kept) and the probability of hopping
  think(obs: number[], mem: Memory): { next: Memory; pHop: number } {
    const [h, c, p] = tf.tidy(() => {
      const z = tf.tensor2d([obs]).matMul(this.kernel).add(mem.h.matMul(this.recurrent)).add(this.bias);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.sigmoid(f).mul(mem.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
      const probs = tf.softmax(hNext.matMul(this.head));
      return [tf.keep(hNext), tf.keep(cNext), probs.slice([0, 1], [1, 1])];
    }) as tf.Tensor2D[];
    const pHop = p.dataSync()[0];
    p.dispose();
    return { next: { h, c }, pHop };
  }
}

async function playFrom(
  policy: HopPolicy,
  env: HopEnv,
  obs: number[],
  mem: Memory,
  depth: number,
  log: number[],
): Promise<number> {
  const { next, pHop } = policy.think(obs, mem);
  tf.dispose([mem.h, mem.c]);
  const action = Math.random() < pHop ? 1 : 0;
  log.push(action);
  const res = env.step(action);
  if (res.done || depth === 0) {
    tf.dispose([next.h, next.c]);
    return res.reward;
  }
  if (depth % 25 === 0) await new Promise((r) => setImmediate(r));
  return res.reward + (await playFrom(policy, env, res.obs, next, depth - 1, log));
}

export async function playEpisode(policy: HopPolicy, env: HopEnv, maxDepth = 200): Promise<{ score: number; actions: number[] }> {
  const actions: number[] = [];
  const score = await playFrom(policy, env, env.reset(), policy.blank(), maxDepth, actions);
  return { score, actions };
}

// Rocks roll towards the bot; each rock's height is shown once when it spawns, then only its distance.
export function makeHopEnv(): HopEnv {
  let dist = 0;
  let tall = false;
  let t = 0;
  const spawn = () => {
    dist = 3 + Math.floor(Math.random() * 3);
    tall = Math.random() < 0.5;
    return [dist / 6, tall ? 1 : -1];
  };
  return {
    reset: () => ((t = 0), spawn()),
    step(action) {
      t++;
      dist--;
      if (dist === 0) {
        const survived = tall ? action === 1 : action === 0;
        if (!survived) return { obs: [0, 0], reward: -1, done: true };
        return { obs: spawn(), reward: 1, done: t > 60 };
      }
      return { obs: [dist / 6, 0], reward: action === 1 ? -0.05 : 0, done: false };
    },
  };
}

if (require.main === module) {
  (async () => {
    const policy = new HopPolicy();
    const env = makeHopEnv();
    for (let ep = 0; ep < 4; ep++) {
      const { score, actions } = await playEpisode(policy, env);
      console.log(`episode ${ep}: score ${score.toFixed(2)} over ${actions.length} frames`);
    }
    console.log('tensors', tf.memory().numTensors);
  })();
}
