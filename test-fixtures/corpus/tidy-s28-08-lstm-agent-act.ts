// expect: tidy-disposed-state
// Recurrent agent for a partially observable key-door game; act() samples from an LSTM policy each frame.
import * as tf from '@tensorflow/tfjs';

interface Weights {
  W: tf.Variable;
  U: tf.Variable;
  b: tf.Variable;
  Wp: tf.Variable;
  bp: tf.Variable;
}

export class KeyDoorAgent {
  private readonly w: Weights;
  private state: { h: tf.Tensor2D; c: tf.Tensor2D };
  private readonly history: number[] = [];

  constructor(private readonly obsSize: number, private readonly units: number, private readonly nActions: number) {
    const rnd = (shape: number[]) => tf.variable(tf.randomUniform(shape, -0.2, 0.2));
    this.w = {
      W: rnd([obsSize, 4 * units]),
      U: rnd([units, 4 * units]),
      b: tf.variable(tf.zeros([4 * units])),
      Wp: rnd([units, nActions]),
      bp: tf.variable(tf.zeros([nActions])),
    };
    this.state = { h: tf.zeros([1, units]), c: tf.zeros([1, units]) };
  }

  private cell(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const z = x.matMul(this.w.W).add(h.matMul(this.w.U)).add(this.w.b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
    return [hNext, cNext];
  }

  act(obs: number[]): number {
    const action = tf.tidy(() => {
      const x = tf.tensor2d([obs], [1, this.obsSize]);
      const [h, c] = this.cell(x, this.state.h, this.state.c);
      this.state = { h, c };
      const logits = h.matMul(this.w.Wp).add(this.w.bp) as tf.Tensor2D;
      return tf.multinomial(logits, 1);
    });
    const a = action.dataSync()[0];
    action.dispose();
    this.history.push(a);
    return a;
  }

  resetEpisode(): void {
    tf.dispose([this.state.h, this.state.c]);
    this.state = { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
    this.history.length = 0;
  }

  actionsTaken(): readonly number[] {
    return this.history;
  }
}

// 0 = left, 1 = right, 2 = pick up / open. The key colour is shown only in the first frame.
export class KeyDoorGame {
  private pos = 0;
  private key = 0;
  private holding = false;
  private frame = 0;
  reset(): number[] {
    this.pos = 0;
    this.key = Math.random() < 0.5 ? 0 : 1;
    this.holding = false;
    this.frame = 0;
    return [this.key, 1 - this.key, 0, 0];
  }
  step(a: number): { obs: number[]; reward: number; done: boolean } {
    this.frame++;
    if (a === 0) this.pos = Math.max(0, this.pos - 1);
    if (a === 1) this.pos = Math.min(5, this.pos + 1);
    if (a === 2 && this.pos === 0) this.holding = true;
    const atDoor = this.pos === 5;
    const opened = a === 2 && atDoor && this.holding;
    const done = opened || this.frame >= 25;
    return { obs: [0, 0, this.holding ? 1 : 0, atDoor ? 1 : 0], reward: opened ? 1 : 0, done };
  }
}

if (require.main === module) {
  const agent = new KeyDoorAgent(4, 16, 3);
  const game = new KeyDoorGame();
  for (let ep = 0; ep < 3; ep++) {
    let obs = game.reset();
    let total = 0;
    for (;;) {
      const res = game.step(agent.act(obs));
      total += res.reward;
      obs = res.obs;
      if (res.done) break;
    }
    console.log('episode', ep, 'return', total, 'length', agent.actionsTaken().length);
    agent.resetEpisode();
  }
}
