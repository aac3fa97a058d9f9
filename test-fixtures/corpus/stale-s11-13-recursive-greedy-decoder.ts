// expect: stale-state
// Melody generator: the base decoder owns the RNN cell, GreedyMelodyDecoder picks the most likely note each step.
import * as tf from '@tensorflow/tfjs';

export abstract class NoteDecoder {
  protected readonly embed: tf.Variable;
  protected readonly Wx: tf.Variable;
  protected readonly Wh: tf.Variable;
  protected readonly Wo: tf.Variable;

  constructor(readonly vocab: number, readonly units: number) {
    this.embed = tf.variable(tf.randomNormal([vocab, units], 0, 0.6, 'float32', 12));
    this.Wx = tf.variable(tf.randomNormal([units, units], 0, 0.5, 'float32', 13));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.5, 'float32', 14));
    this.Wo = tf.variable(tf.randomNormal([units, vocab], 0, 0.8, 'float32', 15));
  }

  /** One RNN step: returns next-note logits and the updated state. */
  protected cell(token: number, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const x = tf.gather(this.embed, [token]) as tf.Tensor2D;
    const hNext = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh))) as tf.Tensor2D;
    return [tf.matMul(hNext, this.Wo) as tf.Tensor2D, hNext];
  }

  protected abstract decodeFrom(step: number, maxSteps: number, token: number, h: tf.Tensor2D, out: number[]): number[];

  generate(seedToken: number, maxSteps: number, h0?: tf.Tensor2D): number[] {
    return tf.tidy(() => {
      const h = h0 ?? tf.zeros([1, this.units]);
      return this.decodeFrom(0, maxSteps, seedToken, h, [seedToken]);
    });
  }
}

export class GreedyMelodyDecoder extends NoteDecoder {
  constructor(vocab: number, units: number, private readonly restToken = 0) {
    super(vocab, units);
  }

  protected override decodeFrom(step: number, maxSteps: number, token: number, h: tf.Tensor2D, out: number[]): number[] {
    if (step >= maxSteps) return out;
    const [logits, hNext] = this.cell(token, h);
    const next = logits.argMax(-1).dataSync()[0];
    out.push(next);
    if (next === this.restToken && out.length > 4) return out;
    return this.decodeFrom(step + 1, maxSteps, next, h, out);
  }
}

export function toNoteNames(tokens: number[]): string[] {
  const names = ['rest', 'C', 'D', 'E', 'F', 'G', 'A', 'B'];
  return tokens.map((t) => names[t % names.length]);
}

if (require.main === module) {
  const dec = new GreedyMelodyDecoder(8, 16);
  const melody = dec.generate(1, 12);
  console.log(toNoteNames(melody).join(' '));
}
