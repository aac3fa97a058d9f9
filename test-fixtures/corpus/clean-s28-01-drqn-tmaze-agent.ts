// expect: none
// DRQN-style agent for the T-maze memory task: a GRU core feeds a linear Q head, epsilon-greedy acting.
import * as tf from '@tensorflow/tfjs';

export interface DrqnConfig {
  obsSize: number;
  hiddenSize: number;
  numActions: number;
  epsilon: number;
}

function glorot(rows: number, cols: number): tf.Variable {
  const scale = Math.sqrt(2 / (rows + cols));
  return tf.variable(tf.randomNormal([rows, cols], 0, scale));
}

export class DrqnAgent {
  private readonly Wz: tf.Variable;
  private readonly Uz: tf.Variable;
  private readonly Wr: tf.Variable;
  private readonly Ur: tf.Variable;
  private readonly Wn: tf.Variable;
  private readonly Un: tf.Variable;
  private readonly bz: tf.Variable;
  private readonly br: tf.Variable;
  private readonly bn: tf.Variable;
  private readonly Wq: tf.Variable;
  private readonly bq: tf.Variable;
  private h: tf.Tensor2D;

  constructor(private readonly cfg: DrqnConfig) {
    const { obsSize: I, hiddenSize: H, numActions: A } = cfg;
    this.Wz = glorot(I, H); this.Uz = glorot(H, H); this.bz = tf.variable(tf.zeros([H]));
    this.Wr = glorot(I, H); this.Ur = glorot(H, H); this.br = tf.variable(tf.zeros([H]));
    this.Wn = glorot(I, H); this.Un = glorot(H, H); this.bn = tf.variable(tf.zeros([H]));
    this.Wq = glorot(H, A); this.bq = tf.variable(tf.zeros([A]));
    this.h = tf.zeros([1, H]);
  }

  // h' = (1 - z) * n + z * h
  private gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const z = tf.sigmoid(x.matMul(this.Wz).add(h.matMul(this.Uz)).add(this.bz));
    const r = tf.sigmoid(x.matMul(this.Wr).add(h.matMul(this.Ur)).add(this.br));
    const n = tf.tanh(x.matMul(this.Wn).add(r.mul(h).matMul(this.Un)).add(this.bn));
    return tf.sub(1, z).mul(n).add(z.mul(h)) as tf.Tensor2D;
  }

  act(obs: number[]): number {
    const [q, hNext] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const hNew = this.gru(x, this.h);
      const qValues = hNew.matMul(this.Wq).add(this.bq);
      return [qValues, hNew] as [tf.Tensor, tf.Tensor2D];
    });
    this.h.dispose();
    this.h = hNext;
    const qs = q.dataSync();
    q.dispose();
    if (Math.random() < this.cfg.epsilon) {
      return Math.floor(Math.random() * this.cfg.numActions);
    }
    let best = 0;
    for (let a = 1; a < qs.length; a++) if (qs[a] > qs[best]) best = a;
    return best;
  }

  hiddenSnapshot(): number[] {
    return Array.from(this.h.dataSync());
  }

  endEpisode(): void {
    this.h.dispose();
    this.h = tf.zeros([1, this.cfg.hiddenSize]);
  }
}

// Corridor of fixed length; the cue at step 0 tells which arm (0 = up, 1 = down) pays off.
export class TMaze {
  private pos = 0;
  private cue = 0;
  constructor(private readonly length = 4) {}
  reset(): number[] {
    this.pos = 0;
    this.cue = Math.random() < 0.5 ? 0 : 1;
    return [1, this.cue, 1 - this.cue, 0];
  }
  step(action: number): { obs: number[]; reward: number; done: boolean } {
    if (this.pos < this.length) {
      this.pos += action === 2 ? 1 : 0;
      const atJunction = this.pos === this.length ? 1 : 0;
      return { obs: [0, 0, 0, atJunction], reward: -0.01, done: false };
    }
    const reward = action === this.cue ? 1 : -1;
    return { obs: [0, 0, 0, 1], reward, done: true };
  }
}

export function runEpisodes(agent: DrqnAgent, env: TMaze, episodes: number, maxSteps = 30): number[] {
  const returns: number[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    let obs = env.reset();
    let total = 0;
    for (let t = 0; t < maxSteps; t++) {
      const res = env.step(agent.act(obs));
      total += res.reward;
      obs = res.obs;
      if (res.done) break;
    }
    agent.endEpisode();
    returns.push(total);
  }
  return returns;
}

if (require.main === module) {
  const agent = new DrqnAgent({ obsSize: 4, hiddenSize: 16, numActions: 3, epsilon: 0.2 });
  console.log('returns', runEpisodes(agent, new TMaze(), 5));
  console.log('live tensors', tf.memory().numTensors);
}
