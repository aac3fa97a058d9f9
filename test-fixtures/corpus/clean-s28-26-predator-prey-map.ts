// expect: none
// Predator-prey grid: every agent owns an LSTM memory slot keyed by its id; one shared network acts for all.
import * as tf from '@tensorflow/tfjs';

interface Memory {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

interface Agent {
  id: string;
  role: 'predator' | 'prey';
  x: number;
  y: number;
}

const UNITS = 16;
const MOVES: [number, number][] = [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]];

export class SharedLstmPolicy {
  readonly W = tf.variable(tf.randomNormal([5, 4 * UNITS], 0, 0.3));
  readonly U = tf.variable(tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3));
  readonly b = tf.variable(tf.zeros([4 * UNITS]));
  readonly out = tf.variable(tf.randomNormal([UNITS, MOVES.length], 0, 0.3));

  step(x: tf.Tensor2D, m: Memory): { logits: tf.Tensor2D; next: Memory } {
    const [i, f, g, o] = tf.split(x.matMul(this.W).add(m.h.matMul(this.U)).add(this.b), 4, 1);
    const c = tf.sigmoid(f).mul(m.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
    return { logits: h.matMul(this.out) as tf.Tensor2D, next: { h, c } };
  }
}

export class PredatorPreyWorld {
  readonly memories = new Map<string, Memory>();
  agents: Agent[] = [];

  constructor(private readonly policy: SharedLstmPolicy, private readonly size = 7) {}

  newEpisode(roles: Agent['role'][]): void {
    for (const m of this.memories.values()) tf.dispose([m.h, m.c]);
    this.memories.clear();
    this.agents = roles.map((role, k) => ({
      id: `${role}-${k}`,
      role,
      x: Math.floor(Math.random() * this.size),
      y: Math.floor(Math.random() * this.size),
    }));
    for (const a of this.agents) {
      this.memories.set(a.id, { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) });
    }
  }

  private observe(a: Agent): number[] {
    const others = this.agents.filter((o) => o.role !== a.role);
    const near = others.reduce((best, o) => (Math.abs(o.x - a.x) + Math.abs(o.y - a.y) < Math.abs(best.x - a.x) + Math.abs(best.y - a.y) ? o : best), others[0]);
    return [a.role === 'predator' ? 1 : 0, a.x / this.size, a.y / this.size, (near.x - a.x) / this.size, (near.y - a.y) / this.size];
  }

  tick(): boolean {
    for (const a of this.agents) {
      const prev = this.memories.get(a.id)!;
      const move = tf.tidy(() => {
        const { logits, next } = this.policy.step(tf.tensor2d([this.observe(a)]), prev);
        this.memories.set(a.id, { h: tf.keep(next.h), c: tf.keep(next.c) });
        return tf.multinomial(logits, 1).dataSync()[0];
      });
      tf.dispose([prev.h, prev.c]);
      const [dx, dy] = MOVES[move];
      a.x = Math.max(0, Math.min(this.size - 1, a.x + dx));
      a.y = Math.max(0, Math.min(this.size - 1, a.y + dy));
    }
    const caught = this.agents.filter((p) => p.role === 'prey' && this.agents.some((q) => q.role === 'predator' && q.x === p.x && q.y === p.y));
    for (const prey of caught) {
      const m = this.memories.get(prey.id)!;
      tf.dispose([m.h, m.c]);
      this.memories.delete(prey.id);
    }
    this.agents = this.agents.filter((a) => !caught.includes(a));
    return this.agents.some((a) => a.role === 'prey');
  }
}

export function simulate(episodes: number, maxTicks = 40): number[] {
  const world = new PredatorPreyWorld(new SharedLstmPolicy());
  const lengths: number[] = [];
  for (let ep = 0; ep < episodes; ep++) {
    world.newEpisode(['predator', 'predator', 'prey', 'prey']);
    let t = 0;
    while (t < maxTicks && world.tick()) t++;
    lengths.push(t);
  }
  return lengths;
}

if (require.main === module) {
  console.log('episode lengths', simulate(4).join(', '));
  console.log('tensors', tf.memory().numTensors);
}
