// expect: state-leak, stacked-activation
// Card-game bot: a base Agent, a recurrent-memory mixin, and a tournament runner that plays independent matches.
import * as tf from '@tensorflow/tfjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctor<T> = new (...args: any[]) => T;

export class Agent {
  score = 0;
  moves = 0;

  constructor(readonly obsDim: number, readonly nActions: number) {}

  beginMatch(): void {
    this.score = 0;
    this.moves = 0;
  }

  protected distribution(scores: tf.Tensor2D): tf.Tensor2D {
    return tf.softmax(scores);
  }

  actionProbs(_obs: number[]): tf.Tensor2D {
    return tf.fill([1, this.nActions], 1 / this.nActions) as tf.Tensor2D;
  }

  act(obs: number[]): number {
    this.moves++;
    return tf.tidy(() => this.actionProbs(obs).argMax(-1).dataSync()[0]);
  }
}

export function WithRecurrentMemory<TBase extends Ctor<Agent>>(Base: TBase) {
  return class extends Base {
    memory: tf.Tensor2D | null = null;
    units = 8;
    readonly Wm = tf.variable(tf.randomNormal([this.obsDim, 8], 0, 0.5, 'float32', 71));
    readonly Um = tf.variable(tf.randomNormal([8, 8], 0, 0.5, 'float32', 72));

    remember(obs: number[]): tf.Tensor2D {
      const prev = this.memory ?? tf.zeros([1, this.units]);
      const next = tf.keep(
        tf.tidy(() => tf.tanh(tf.add(tf.matMul(tf.tensor2d([obs]), this.Wm), tf.matMul(prev, this.Um)))),
      ) as tf.Tensor2D;
      prev.dispose();
      this.memory = next;
      return next;
    }

    clearMemory(): void {
      this.memory?.dispose();
      this.memory = null;
    }
  };
}

export class RecurrentCardAgent extends WithRecurrentMemory(Agent) {
  private readonly Wa: tf.Variable;

  constructor(obsDim: number, nActions: number, private readonly temperature = 0.7) {
    super(obsDim, nActions);
    this.Wa = tf.variable(tf.randomNormal([8, nActions], 0, 0.8, 'float32', 73));
  }

  protected policyHead(h: tf.Tensor2D): tf.Tensor2D {
    return this.distribution(tf.matMul(h, this.Wa));
  }

  override actionProbs(obs: number[]): tf.Tensor2D {
    const h = this.remember(obs);
    return tf.softmax(tf.div(this.policyHead(h), this.temperature));
  }
}

export function tournament(agent: Agent, matches: number[][][]): number[][] {
  return matches.map((hands) => {
    agent.beginMatch();
    return hands.map((obs) => agent.act(obs));
  });
}

if (require.main === module) {
  const bot = new RecurrentCardAgent(3, 4);
  const opening = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  console.log(tournament(bot, [[[9, 9, 9], [9, -9, 9]], opening, opening]));
  console.log(tf.tidy(() => bot.actionProbs([1, 0, 0]).arraySync()));
}
