// expect: tidy-disposed-state
// Greedy token generator that drives a GRU decoder one token at a time and keeps the decoder state between calls.
import * as tf from '@tensorflow/tfjs';

export type DecoderState = { h: tf.Tensor2D; step: number };

export abstract class DecoderCell {
  abstract readonly units: number;
  abstract forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D];
}

export class MinimalGRU extends DecoderCell {
  private readonly w: tf.Variable;
  private readonly u: tf.Variable;

  constructor(inputDim: number, readonly units: number) {
    super();
    this.w = tf.variable(tf.randomNormal([inputDim, 2 * units], 0, 0.3));
    this.u = tf.variable(tf.randomNormal([units, 2 * units], 0, 0.3));
  }

  override forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const [xz, xn] = tf.split(tf.matMul(input, this.w), 2, 1);
    const [hz, hn] = tf.split(tf.matMul(hidden, this.u), 2, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const n = tf.tanh(tf.add(xn, hn));
    const h = tf.add(tf.mul(z, hidden), tf.mul(tf.sub(1, z), n)) as tf.Tensor2D;
    return [h, h];
  }
}

export class GreedyGenerator {
  private state: DecoderState;

  constructor(
    private readonly cell: DecoderCell,
    private readonly embedding: tf.Variable,
    private readonly projection: tf.Variable,
  ) {
    this.state = this.initialState();
  }

  private initialState(): DecoderState {
    return { h: tf.zeros([1, this.cell.units]), step: 0 };
  }

  private advance(token: number): tf.Tensor1D {
    return tf.tidy(() => {
      const x = tf.gather(this.embedding, tf.tensor1d([token], 'int32')) as tf.Tensor2D;
      const [out, h] = this.cell.forward(x, this.state.h);
      this.state = { h, step: this.state.step + 1 };
      return tf.squeeze(tf.softmax(tf.matMul(out, this.projection)), [0]) as tf.Tensor1D;
    });
  }

  generate(startToken: number, maxLen: number, endToken = -1): number[] {
    this.state.h.dispose();
    this.state = this.initialState();
    const tokens = [startToken];
    while (tokens.length < maxLen) {
      const probs = this.advance(tokens[tokens.length - 1]);
      const next = probs.argMax().dataSync()[0];
      probs.dispose();
      tokens.push(next);
      if (next === endToken) break;
    }
    return tokens;
  }
}

if (require.main === module) {
  const vocab = 20;
  const dim = 8;
  const cell = new MinimalGRU(dim, 16);
  const gen = new GreedyGenerator(
    cell,
    tf.variable(tf.randomNormal([vocab, dim])),
    tf.variable(tf.randomNormal([16, vocab], 0, 0.5)),
  );
  console.log(gen.generate(1, 12).join(' '));
}
