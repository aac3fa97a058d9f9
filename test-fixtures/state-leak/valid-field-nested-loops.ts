// Evaluates a recurrent agent over several games and counts the wins; each game starts from a
// fresh state, set directly or by a method of the evaluator.
import * as tf from '@tensorflow/tfjs';

interface Game {
  reset(): number[];
  step(action: number): { obs: number[]; reward: number; done: boolean };
}

export class Evaluator {
  private evalHidden: tf.Tensor2D = tf.zeros([1, 8]);

  constructor(private readonly wx: tf.Tensor2D, private readonly wh: tf.Tensor2D, private readonly wa: tf.Tensor2D) {}

  private core(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.matMul(this.wx).add(h.matMul(this.wh)));
  }

  private forget(): void {
    this.evalHidden.dispose();
    this.evalHidden = tf.zeros([1, 8]);
  }

  evaluate(game: Game, episodes: number): number {
    let wins = 0;
    for (let ep = 0; ep < episodes; ep++) {
      let obs = game.reset();
      this.forget();
      for (let done = false; !done; ) {
        const [h, a] = tf.tidy(() => {
          const hNew = this.core(tf.tensor2d([obs]), this.evalHidden);
          return [hNew, hNew.matMul(this.wa).argMax(1)];
        });
        this.evalHidden.dispose();
        this.evalHidden = h as tf.Tensor2D;
        const res = game.step(a.dataSync()[0]!);
        a.dispose();
        obs = res.obs;
        done = res.done;
        if (done && res.reward > 0) wins++;
      }
    }
    return wins / episodes;
  }

  evaluateInline(game: Game, episodes: number): number {
    let wins = 0;
    for (let ep = 0; ep < episodes; ep++) {
      let obs = game.reset();
      this.evalHidden = tf.zeros([1, 8]);
      for (let done = false; !done; ) {
        const [h, a] = tf.tidy(() => {
          const hNew = this.core(tf.tensor2d([obs]), this.evalHidden);
          return [hNew, hNew.matMul(this.wa).argMax(1)];
        });
        this.evalHidden = h as tf.Tensor2D;
        const res = game.step(a.dataSync()[0]!);
        a.dispose();
        obs = res.obs;
        done = res.done;
        if (done && res.reward > 0) wins++;
      }
    }
    return wins / episodes;
  }
}
