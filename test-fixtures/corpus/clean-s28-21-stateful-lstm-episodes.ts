// expect: none
// Plays a hidden-platform jumping game with a stateful LSTM policy fed one frame at a time via model.predict.
import * as tf from '@tensorflow/tfjs';

const OBS = 3;

export function buildStatefulPolicy(units = 16): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units, stateful: true, batchInputShape: [1, 1, OBS] }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  return model;
}

// The next gap is announced once ("distance to gap") and then hidden; jump (1) at the right frame.
export class GapRunner {
  private countdown = 0;
  private frame = 0;
  reset(): number[] {
    this.countdown = 2 + Math.floor(Math.random() * 4);
    this.frame = 0;
    return [1, this.countdown / 5, 0];
  }
  step(action: number): { obs: number[]; reward: number; done: boolean } {
    this.frame++;
    this.countdown--;
    if (this.countdown === 0) {
      return { obs: [0, 0, 1], reward: action === 1 ? 1 : -1, done: true };
    }
    if (action === 1) return { obs: [0, 0, 1], reward: -1, done: true };
    return { obs: [0, 0, 0], reward: 0.01, done: false };
  }
}

export interface EpisodeStats {
  reward: number;
  frames: number;
  firstProbs: number[];
}

export async function runEpisodes(model: tf.Sequential, env: GapRunner, episodes: number): Promise<EpisodeStats[]> {
  const stats: EpisodeStats[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    model.resetStates();
    let obs = env.reset();
    let done = false;
    let reward = 0;
    let frames = 0;
    let firstProbs: number[] = [];
    while (!done) {
      const probsT = tf.tidy(() => model.predict(tf.tensor3d([[obs]])) as tf.Tensor);
      const probs = Array.from(await probsT.data());
      probsT.dispose();
      if (frames === 0) firstProbs = probs;
      const action = Math.random() < probs[1] ? 1 : 0;
      const res = env.step(action);
      reward += res.reward;
      obs = res.obs;
      done = res.done;
      frames++;
    }
    stats.push({ reward, frames, firstProbs });
  }
  return stats;
}

if (require.main === module) {
  const model = buildStatefulPolicy();
  runEpisodes(model, new GapRunner(), 5).then((stats) => {
    for (const s of stats) console.log(`reward ${s.reward.toFixed(2)} frames ${s.frames}`);
    console.log('tensors', tf.memory().numTensors);
  });
}
