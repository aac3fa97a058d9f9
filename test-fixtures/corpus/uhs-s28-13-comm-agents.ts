// expect: unused-hidden-state
// Cooperative signalling game: each agent sees a private digit, broadcasts a message each round, and guesses the team sum.
import * as tf from '@tensorflow/tfjs';

const MSG = 4;
const MAX_SUM = 19;

export class CommAgentNet {
  private readonly i2h = tf.layers.dense({ units: 32, activation: 'tanh' });
  private readonly h2msg = tf.layers.dense({ units: MSG, activation: 'tanh' });
  private readonly h2guess = tf.layers.dense({ units: MAX_SUM });

  readonly hiddenSize = 32;

  forward(obs: tf.Tensor2D, inbox: tf.Tensor2D, hidden: tf.Tensor2D) {
    const features = tf.concat([obs, inbox], 1);
    const nextHidden = this.i2h.apply(features) as tf.Tensor2D;
    const message = this.h2msg.apply(nextHidden) as tf.Tensor2D;
    const guessLogits = this.h2guess.apply(nextHidden) as tf.Tensor2D;
    return { nextHidden, message, guessLogits };
  }
}

function digitObs(d: number): tf.Tensor2D {
  return tf.oneHot(tf.tensor1d([d], 'int32'), 10).toFloat() as tf.Tensor2D;
}

export interface RoundResult {
  guesses: Map<string, number>;
  target: number;
}

export class SignallingGame {
  private readonly hidden = new Map<string, tf.Tensor2D>();
  private readonly outbox = new Map<string, tf.Tensor2D>();
  private digits = new Map<string, number>();

  constructor(private readonly net: CommAgentNet, private readonly ids: string[]) {}

  startEpisode(): void {
    for (const id of this.ids) {
      this.hidden.get(id)?.dispose();
      this.outbox.get(id)?.dispose();
      this.hidden.set(id, tf.zeros([1, this.net.hiddenSize]));
      this.outbox.set(id, tf.zeros([1, MSG]));
      this.digits.set(id, Math.floor(Math.random() * 10));
    }
  }

  round(): RoundResult {
    const guesses = new Map<string, number>();
    const produced = new Map<string, { h: tf.Tensor2D; m: tf.Tensor2D }>();
    for (const id of this.ids) {
      const out = tf.tidy(() => {
        const others = this.ids.filter((o) => o !== id).map((o) => this.outbox.get(o)!);
        const inbox = tf.addN(others).div(others.length) as tf.Tensor2D;
        const r = this.net.forward(digitObs(this.digits.get(id)!), inbox, this.hidden.get(id)!);
        return { h: r.nextHidden, m: r.message, g: r.guessLogits.argMax(1) };
      });
      guesses.set(id, out.g.dataSync()[0]);
      out.g.dispose();
      produced.set(id, { h: out.h, m: out.m });
    }
    for (const [id, { h, m }] of produced) {
      this.hidden.get(id)!.dispose();
      this.outbox.get(id)!.dispose();
      this.hidden.set(id, h);
      this.outbox.set(id, m);
    }
    const target = [...this.digits.values()].reduce((a, b) => a + b, 0);
    return { guesses, target };
  }
}

export function playEpisodes(game: SignallingGame, episodes: number, rounds: number): number {
  let correct = 0;
  let total = 0;
  for (let ep = 0; ep < episodes; ep++) {
    game.startEpisode();
    let last: RoundResult | null = null;
    for (let r = 0; r < rounds; r++) last = game.round();
    for (const g of last!.guesses.values()) {
      correct += g === last!.target ? 1 : 0;
      total++;
    }
  }
  return correct / total;
}

if (require.main === module) {
  const game = new SignallingGame(new CommAgentNet(), ['red', 'blue']);
  console.log('accuracy', playEpisodes(game, 10, 3));
  console.log('tensors', tf.memory().numTensors);
}
