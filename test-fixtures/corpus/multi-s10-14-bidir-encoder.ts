// expect: stacked-activation, tidy-disposed-state
// Bidirectional Elman encoder whose final states initialise a summarizer decoder (forward and backward halves concatenated).
import * as tf from '@tensorflow/tfjs';

export class ElmanCell {
  readonly wIh: tf.Variable;
  readonly wHh: tf.Variable;
  readonly b: tf.Variable;

  constructor(readonly inputSize: number, readonly hiddenSize: number) {
    this.wIh = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.3));
    this.wHh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.3));
    this.b = tf.variable(tf.zeros([hiddenSize]));
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const pre = tf.add(tf.matMul(input, this.wIh as tf.Tensor2D), tf.matMul(hidden, this.wHh as tf.Tensor2D));
    return tf.tanh(tf.add(pre, this.b)) as tf.Tensor2D;
  }
}

type Direction = 'forward' | 'backward';

export class BidirectionalEncoder {
  readonly cells: Record<Direction, ElmanCell>;
  private finalStates: [tf.Tensor2D, tf.Tensor2D] | null = null;

  constructor(inputSize: number, readonly hiddenSize: number) {
    this.cells = { forward: new ElmanCell(inputSize, hiddenSize), backward: new ElmanCell(inputSize, hiddenSize) };
  }

  private run(dir: Direction, steps: tf.Tensor2D[]): { outputs: tf.Tensor2D[]; last: tf.Tensor2D } {
    const order = dir === 'forward' ? steps : steps.slice().reverse();
    let h = tf.zeros([steps[0].shape[0], this.hiddenSize]) as tf.Tensor2D;
    const outputs: tf.Tensor2D[] = [];
    for (const x of order) {
      h = this.cells[dir].forward(x, h);
      outputs.push(h);
    }
    return { outputs: dir === 'forward' ? outputs : outputs.reverse(), last: h };
  }

  /** xs: [batch, time, features] -> annotations [batch, time, 2H] */
  encode(xs: tf.Tensor3D): tf.Tensor3D {
    return tf.tidy(() => {
      const steps = tf.unstack(xs, 1) as tf.Tensor2D[];
      const fwd = this.run('forward', steps);
      const bwd = this.run('backward', steps);
      this.finalStates = [fwd.last, bwd.last];
      const merged = fwd.outputs.map((f, t) => tf.tanh(tf.concat([f, bwd.outputs[t]], 1)));
      return tf.stack(merged, 1) as tf.Tensor3D;
    });
  }

  /** Decoder initial state: the concatenated last forward and backward hidden states. */
  decoderInit(): tf.Tensor2D {
    if (this.finalStates === null) throw new Error('encode() must run first');
    const [f, b] = this.finalStates;
    return tf.concat([f, b], 1);
  }
}

export class SummaryHead {
  readonly w: tf.Variable;
  constructor(encoder: BidirectionalEncoder, vocab: number) {
    this.w = tf.variable(tf.randomNormal([2 * encoder.hiddenSize, vocab], 0, 0.2));
  }
  firstToken(annotations: tf.Tensor3D, init: tf.Tensor2D): tf.Tensor1D {
    return tf.tidy(() => {
      const pooled = tf.mean(annotations, 1) as tf.Tensor2D;
      return tf.argMax(tf.matMul(tf.add(pooled, init), this.w as tf.Tensor2D), 1) as tf.Tensor1D;
    });
  }
}

if (require.main === module) {
  const enc = new BidirectionalEncoder(6, 10);
  const head = new SummaryHead(enc, 50);
  const annotations = enc.encode(tf.randomNormal([2, 9, 6]) as tf.Tensor3D);
  const init = enc.decoderInit();
  head.firstToken(annotations, init).print();
}
