// expect: state-leak
// Recurrent policy agent for a partially observable corridor game; runs evaluation episodes and reports returns.
import * as tf from '@tensorflow/tfjs';

type Obs = readonly [wallLeft: number, wallRight: number, beacon: number];
type Action = 0 | 1; // 0 = left, 1 = right

class Corridor {
  #pos = 0;
  #goal = 1;
  #t = 0;
  constructor(readonly length = 7) {}

  reset(seed: number): Obs {
    this.#pos = Math.floor(this.length / 2);
    this.#goal = seed % 2 === 0 ? 0 : this.length - 1;
    this.#t = 0;
    return [0, 0, this.#goal === 0 ? -1 : 1];
  }

  step(a: Action): { obs: Obs; reward: number; done: boolean } {
    this.#pos = Math.min(this.length - 1, Math.max(0, this.#pos + (a === 1 ? 1 : -1)));
    this.#t++;
    const done = this.#pos === 0 || this.#pos === this.length - 1 || this.#t >= 20;
    const reward = done && this.#pos === this.#goal ? 1 : -0.01;
    return { obs: [+(this.#pos === 0), +(this.#pos === this.length - 1), 0], reward, done };
  }
}

export class RecurrentAgent {
  #hidden?: tf.Tensor2D;
  #stepsThisEpisode = 0;
  readonly #w = tf.tidy(() => ({
    wx: tf.keep(tf.randomNormal([3, 8], 0, 0.8, 'float32', 31)),
    wh: tf.keep(tf.randomNormal([8, 8], 0, 0.5, 'float32', 32)),
    wp: tf.keep(tf.randomNormal([8, 2], 0, 0.8, 'float32', 33)),
  }));

  beginEpisode(): void {
    this.#stepsThisEpisode = 0;
  }

  act(obs: Obs): Action {
    this.#hidden ??= tf.zeros([1, 8]);
    const prev = this.#hidden;
    const [h, probs] = tf.tidy(() => {
      const x = tf.tensor2d([[...obs]]);
      const hNext = tf.tanh(x.matMul(this.#w.wx).add(prev.matMul(this.#w.wh))) as tf.Tensor2D;
      return [hNext, tf.softmax(hNext.matMul(this.#w.wp))] as const;
    });
    this.#hidden = h;
    prev.dispose();
    const p = probs.dataSync();
    probs.dispose();
    this.#stepsThisEpisode++;
    return (p[1] ?? 0) > (p[0] ?? 0) ? 1 : 0;
  }

  get steps() {
    return this.#stepsThisEpisode;
  }
}

export function evaluate(agent: RecurrentAgent, episodes: number, env = new Corridor()) {
  const returns: Array<{ episode: number; ret: number; steps: number; firstAction: Action }> = [];
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset(ep);
    agent.beginEpisode();
    let ret = 0;
    let firstAction: Action | undefined;
    for (let done = false; !done; ) {
      const a = agent.act(obs);
      firstAction ??= a;
      const r = env.step(a);
      ({ obs, done } = r);
      ret += r.reward;
    }
    returns.push({ episode: ep, ret: +ret.toFixed(2), steps: agent.steps, firstAction: firstAction! });
  }
  return returns;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(evaluate(new RecurrentAgent(), 6));
}
