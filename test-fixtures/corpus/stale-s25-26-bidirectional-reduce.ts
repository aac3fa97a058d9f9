// expect: stale-state
// Bidirectional RNN encoder for the summariser: both directions are unrolled with reduce and merged by summation.
import * as tf from '@tensorflow/tfjs';

export class ElmanCell {
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly b: tf.Tensor1D;

  constructor(inDim: number, readonly units: number, seed: number) {
    this.wx = tf.randomNormal([inDim, units], 0, 0.4, 'float32', seed) as tf.Tensor2D;
    this.wh = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1) as tf.Tensor2D;
    this.b = tf.zeros([units]) as tf.Tensor1D;
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.add(tf.matMul(x, this.wx), tf.matMul(h, this.wh)), this.b));
  }
}

function unrollDirection(cell: ElmanCell, xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  return xs.reduce<tf.Tensor2D[]>((states, x) => {
    const prev = states[states.length] ?? h0;
    return [...states, cell.step(x, prev)];
  }, []);
}

export class BiEncoder {
  private readonly table: tf.Tensor2D;
  private readonly forward: ElmanCell;
  private readonly backward: ElmanCell;

  constructor(private readonly vocab: string[], readonly units = 16) {
    this.table = tf.randomNormal([vocab.length, 12], 0, 0.5, 'float32', 77) as tf.Tensor2D;
    this.forward = new ElmanCell(12, units, 1);
    this.backward = new ElmanCell(12, units, 2);
  }

  encode(sentence: string): { annotations: tf.Tensor2D; summaryState: tf.Tensor2D } {
    return tf.tidy(() => {
      const ids = sentence
        .toLowerCase()
        .split(/\s+/)
        .map((w) => Math.max(0, this.vocab.indexOf(w)));
      const xs = ids.map((id) => tf.gather(this.table, [id]) as tf.Tensor2D);
      const h0 = tf.zeros([1, this.units]) as tf.Tensor2D;

      const fwd = unrollDirection(this.forward, xs, h0);
      const bwd = unrollDirection(this.backward, [...xs].reverse(), h0).reverse();

      const annotations = tf.concat(fwd.map((f, t) => tf.add(f, bwd[t])), 0) as tf.Tensor2D;
      const summaryState = tf.add(fwd[fwd.length - 1], bwd[0]) as tf.Tensor2D;
      return { annotations, summaryState };
    });
  }
}

export const VOCAB = ['<unk>', 'the', 'storm', 'closed', 'schools', 'across', 'county', 'on', 'monday', 'officials', 'said'];

if (require.main === module) {
  const enc = new BiEncoder(VOCAB);
  const { annotations, summaryState } = enc.encode('the storm closed schools across the county on monday');
  console.log('annotations', annotations.shape);
  summaryState.print();
}
