// expect: state-leak
// T-maze memory task: clone an expert into a recurrent policy, then measure its success rate over evaluation episodes.
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const OBS = 3; // [cue-left, cue-right, at-junction]
const CORRIDOR = 5;

class TMaze {
  private t = 0;
  private goal = 0;
  reset(): number[] {
    this.t = 0;
    this.goal = Math.random() < 0.5 ? 0 : 1;
    return this.observe();
  }
  observe(): number[] {
    const cue = this.t === 0 ? [this.goal === 0 ? 1 : 0, this.goal === 1 ? 1 : 0] : [0, 0];
    return [...cue, this.t === CORRIDOR ? 1 : 0];
  }
  step(action: number): { obs: number[]; done: boolean; reward: number } {
    if (this.t < CORRIDOR) {
      this.t++;
      return { obs: this.observe(), done: false, reward: 0 };
    }
    return { obs: this.observe(), done: true, reward: action === this.goal ? 1 : 0 };
  }
  expertEpisode(): { obs: number[][]; actions: number[] } {
    const obs = [this.reset()];
    while (this.t < CORRIDOR) obs.push(this.step(0).obs);
    return { obs, actions: obs.map(() => this.goal) };
  }
}

export class RecurrentPolicy {
  private memory: tf.Tensor2D | null = null;
  readonly wIn = tf.variable(tf.randomNormal([OBS, UNITS], 0, 0.5));
  readonly wRec = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.2));
  readonly wOut = tf.variable(tf.randomNormal([UNITS, 2], 0, 0.5));

  cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.matMul(x, this.wIn), tf.matMul(h, this.wRec))) as tf.Tensor2D;
  }

  episodeLogits(obs: number[][]): tf.Tensor2D {
    let h: tf.Tensor2D = tf.zeros([1, UNITS]);
    const rows: tf.Tensor2D[] = [];
    for (const o of obs) {
      h = this.cell(tf.tensor2d([o]), h);
      rows.push(tf.matMul(h, this.wOut) as tf.Tensor2D);
    }
    return tf.concat(rows, 0);
  }

  act(obs: number[]): number {
    const [logits, next] = tf.tidy(() => {
      const h = this.memory ?? (tf.zeros([1, UNITS]) as tf.Tensor2D);
      const hNew = this.cell(tf.tensor2d([obs]), h);
      return [tf.matMul(hNew, this.wOut), hNew];
    });
    this.memory?.dispose();
    this.memory = next as tf.Tensor2D;
    const action = logits.argMax(1).dataSync()[0];
    logits.dispose();
    return action;
  }
}

export async function cloneExpert(policy: RecurrentPolicy, env: TMaze, epochs: number): Promise<void> {
  const demos = Array.from({ length: 64 }, () => env.expertEpisode());
  const optimizer = tf.train.adam(0.02);
  const ds = tf.data.array(demos).shuffle(64);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let sum = 0;
    await ds.forEachAsync((demo) => {
      const { obs, actions } = demo as { obs: number[][]; actions: number[] };
      const loss = optimizer.minimize(() => {
        const labels = tf.oneHot(tf.tensor1d(actions, 'int32'), 2);
        return tf.losses.softmaxCrossEntropy(labels, policy.episodeLogits(obs)) as tf.Scalar;
      }, true);
      sum += loss!.dataSync()[0];
      loss!.dispose();
    });
    console.log(`clone epoch ${epoch + 1}: loss ${(sum / demos.length).toFixed(4)}`);
  }
}

export function evaluate(policy: RecurrentPolicy, env: TMaze, episodes: number): number {
  let wins = 0;
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let done = false;
    while (!done) {
      const result = env.step(policy.act(obs));
      obs = result.obs;
      done = result.done;
      wins += result.reward;
    }
  }
  return wins / episodes;
}

export { TMaze };

if (require.main === module) {
  const env = new TMaze();
  const policy = new RecurrentPolicy();
  cloneExpert(policy, env, 8).then(() => {
    console.log(`success rate over 100 episodes: ${(evaluate(policy, env, 100) * 100).toFixed(0)}%`);
  });
}
