// expect: unused-hidden-state
// Recurrent Q-network built from tf.layers cells, stepped one frame at a time by an epsilon-greedy snake bot.
import * as tf from '@tensorflow/tfjs';

export class RecurrentQNet {
  private readonly gru: tf.layers.Layer;
  private readonly head: tf.layers.Layer;

  constructor(readonly obsSize: number, readonly units: number, readonly nActions: number) {
    this.gru = tf.layers.gru({ units, returnState: true, recurrentInitializer: 'glorotNormal' });
    this.head = tf.layers.dense({ units: nActions });
  }

  initialHidden(): tf.Tensor2D {
    return tf.zeros([1, this.units]);
  }

  // obs: [1, obsSize], hidden: [1, units]
  forward(obs: tf.Tensor2D, hidden: tf.Tensor2D): { q: tf.Tensor2D; hidden: tf.Tensor2D } {
    return tf.tidy(() => {
      const seq = obs.expandDims(1) as tf.Tensor3D;
      const [output, nextHidden] = this.gru.apply(seq) as tf.Tensor[];
      const q = this.head.apply(output) as tf.Tensor2D;
      return { q, hidden: nextHidden as tf.Tensor2D };
    });
  }
}

type Cell = [number, number];

export class SnakeBoard {
  body: Cell[] = [];
  food: Cell = [0, 0];
  private dir = 0;
  constructor(readonly size = 6) {}
  reset(): number[] {
    this.body = [[2, 2]];
    this.dir = 0;
    this.placeFood();
    return this.sense();
  }
  private placeFood(): void {
    this.food = [Math.floor(Math.random() * this.size), Math.floor(Math.random() * this.size)];
  }
  // the snake only smells food in front of it, so it has to remember where it sniffed
  sense(): number[] {
    const [hx, hy] = this.body[0];
    const d = [[1, 0], [0, 1], [-1, 0], [0, -1]][this.dir];
    const ahead = this.food[0] === hx + d[0] && this.food[1] === hy + d[1] ? 1 : 0;
    return [ahead, hx / this.size, hy / this.size, this.dir / 3];
  }
  step(turn: number): { obs: number[]; reward: number; done: boolean } {
    this.dir = (this.dir + (turn - 1) + 4) % 4;
    const d = [[1, 0], [0, 1], [-1, 0], [0, -1]][this.dir];
    const head: Cell = [this.body[0][0] + d[0], this.body[0][1] + d[1]];
    const dead = head.some((v) => v < 0 || v >= this.size) || this.body.some(([x, y]) => x === head[0] && y === head[1]);
    if (dead) return { obs: this.sense(), reward: -1, done: true };
    this.body.unshift(head);
    const ate = head[0] === this.food[0] && head[1] === this.food[1];
    if (ate) this.placeFood();
    else this.body.pop();
    return { obs: this.sense(), reward: ate ? 1 : 0, done: false };
  }
}

export function playSnake(net: RecurrentQNet, board: SnakeBoard, epsilon: number, maxSteps = 100): number {
  let obs = board.reset();
  let hidden = net.initialHidden();
  let score = 0;
  for (let t = 0; t < maxSteps; t++) {
    const x = tf.tensor2d([obs]);
    const out = net.forward(x, hidden);
    tf.dispose([x, hidden]);
    hidden = out.hidden;
    const greedy = tf.tidy(() => out.q.argMax(1).dataSync()[0]);
    out.q.dispose();
    const action = Math.random() < epsilon ? Math.floor(Math.random() * 3) : greedy;
    const res = board.step(action);
    score += res.reward;
    obs = res.obs;
    if (res.done) break;
  }
  hidden.dispose();
  return score;
}

if (require.main === module) {
  const net = new RecurrentQNet(4, 24, 3);
  const board = new SnakeBoard();
  const scores = Array.from({ length: 5 }, () => playSnake(net, board, 0.1));
  console.log('scores', scores.join(' '), 'tensors', tf.memory().numTensors);
}
