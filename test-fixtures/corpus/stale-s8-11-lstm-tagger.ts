// expect: stale-state
// Part-of-speech tagger that runs an LSTM cell over a sentence's word vectors and returns one tag distribution per word.
import * as tf from '@tensorflow/tfjs';

export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export class LstmCell {
  readonly W: tf.Variable;
  readonly U: tf.Variable;
  readonly b: tf.Variable;

  constructor(readonly inputDim: number, readonly units: number) {
    this.W = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.08));
    this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.08));
    this.b = tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]));
  }

  zeroState(batch = 1): LstmState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  step(x: tf.Tensor2D, s: LstmState): LstmState {
    const gates = x.matMul(this.W).add(s.h.matMul(this.U)).add<tf.Tensor2D>(this.b);
    const [i, f, g, o] = tf.split(gates, 4, 1) as tf.Tensor2D[];
    const c = tf.sigmoid(f).mul<tf.Tensor2D>(s.c).add<tf.Tensor2D>(tf.sigmoid(i).mul(tf.tanh(g)));
    const h = tf.sigmoid(o).mul<tf.Tensor2D>(tf.tanh(c));
    return { h, c };
  }
}

export class PosTagger {
  readonly cell: LstmCell;
  readonly proj: tf.Variable;

  constructor(wordDim: number, units: number, readonly tags: string[]) {
    this.cell = new LstmCell(wordDim, units);
    this.proj = tf.variable(tf.randomNormal([units, tags.length], 0, 0.08));
  }

  /** word vectors in: per-word tag probabilities [words, tags] and a sentence summary [1, units] out */
  run(words: tf.Tensor2D[]): { dist: tf.Tensor2D; summary: tf.Tensor2D } {
    return tf.tidy(() => {
      const init = this.cell.zeroState();
      let last: LstmState = init;
      const rows: tf.Tensor2D[] = [];
      for (const w of words) {
        last = this.cell.step(w, init);
        rows.push(tf.softmax(last.h.matMul(this.proj)) as tf.Tensor2D);
      }
      return { dist: tf.concat(rows, 0), summary: last.h };
    });
  }

  tag(words: tf.Tensor2D[]): string[] {
    const { dist, summary } = this.run(words);
    const best = dist.argMax(1);
    const ids = Array.from(best.dataSync());
    tf.dispose([dist, best, summary]);
    return ids.map((i) => this.tags[i]);
  }
}

export function demoTagger(): void {
  const tagger = new PosTagger(8, 20, ['NOUN', 'VERB', 'ADJ', 'DET', 'ADP']);
  const sentence = Array.from({ length: 6 }, () => tf.randomNormal([1, 8]) as tf.Tensor2D);
  console.log(tagger.tag(sentence).join(' '));
  tf.dispose(sentence);
}
