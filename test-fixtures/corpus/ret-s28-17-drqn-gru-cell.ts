// expect: returns-input-state
// GRU Q-network cell for a Frogger-like lane crossing game; greedy evaluation over a few seeds.
import * as tf from '@tensorflow/tfjs';

export class GruQCell {
  private readonly kernel: tf.Variable;
  private readonly recurrentKernel: tf.Variable;
  private readonly bias: tf.Variable;
  private readonly qKernel: tf.Variable;

  constructor(readonly inputDim: number, readonly units: number, readonly nActions: number) {
    this.kernel = tf.variable(tf.randomNormal([inputDim, 3 * units], 0, 0.3));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.3));
    this.bias = tf.variable(tf.zeros([3 * units]));
    this.qKernel = tf.variable(tf.randomNormal([units, nActions], 0, 0.3));
  }

  zeroState(batch = 1): tf.Tensor2D {
    return tf.zeros([batch, this.units]);
  }

  step(obs: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    return tf.tidy(() => {
      const xProj = tf.split(obs.matMul(this.kernel).add(this.bias), 3, 1);
      const hProj = tf.split(h.matMul(this.recurrentKernel), 3, 1);
      const update = tf.sigmoid(xProj[0].add(hProj[0]));
      const reset = tf.sigmoid(xProj[1].add(hProj[1]));
      const candidate = tf.tanh(xProj[2].add(reset.mul(hProj[2])));
      const blended = update.mul(h).add(tf.onesLike(update).sub(update).mul(candidate)) as tf.Tensor2D;
      const q = blended.matMul(this.qKernel) as tf.Tensor2D;
      return [q, h];
    });
  }
}

// Three lanes of cars moving right; the frog sees only the lane directly ahead.
export class LaneCrossing {
  private lane = 0;
  private cars: number[] = [];
  private t = 0;
  constructor(private readonly width = 6) {}

  reset(seed: number): number[] {
    this.lane = 0;
    this.t = 0;
    this.cars = [0, 1, 2].map((k) => (seed * 7 + k * 3) % this.width);
    return this.observe();
  }

  private observe(): number[] {
    const ahead = this.lane < 3 ? this.cars[this.lane] : -1;
    return [ahead === 0 ? 1 : 0, ahead === 1 ? 1 : 0, this.lane / 3];
  }

  step(action: number): { obs: number[]; reward: number; done: boolean } {
    this.t++;
    this.cars = this.cars.map((c) => (c + 1) % this.width);
    if (action === 1) {
      if (this.lane < 3 && this.cars[this.lane] === 0) return { obs: this.observe(), reward: -1, done: true };
      this.lane++;
    }
    if (this.lane === 3) return { obs: this.observe(), reward: 1, done: true };
    return { obs: this.observe(), reward: 0, done: this.t >= 20 };
  }
}

export function greedyEpisode(cell: GruQCell, env: LaneCrossing, seed: number): { reward: number; steps: number } {
  return tf.tidy(() => {
    let obs = env.reset(seed);
    let h = cell.zeroState();
    for (let steps = 1; ; steps++) {
      const [q, hNext] = cell.step(tf.tensor2d([obs]), h);
      h = hNext;
      const res = env.step(q.argMax(1).dataSync()[0]);
      obs = res.obs;
      if (res.done) return { reward: res.reward, steps };
    }
  });
}

if (require.main === module) {
  const cell = new GruQCell(3, 16, 2);
  const env = new LaneCrossing();
  for (let seed = 0; seed < 4; seed++) {
    const { reward, steps } = greedyEpisode(cell, env, seed);
    console.log(`seed ${seed}: reward ${reward}, steps ${steps}`);
  }
}
