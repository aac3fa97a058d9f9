// expect: none
// Long-document encoder that keeps this.hidden across the chunks of ONE document (intended) and re-initialises it at the top of encodeDocument(), so nothing crosses documents.
import * as tf from '@tensorflow/tfjs';

export class DocumentEncoder {
  private hidden: tf.Tensor2D;
  private readonly lstm: tf.layers.RNNCell;
  private cellState: tf.Tensor2D;
  private readonly embeddings: tf.Tensor2D;

  constructor(vocab: number, private readonly dim = 32, private readonly chunkSize = 64) {
    this.embeddings = tf.randomNormal([vocab, dim], 0, 0.1);
    this.lstm = tf.layers.lstmCell({ units: dim });
    this.lstm.build([null, dim]);
    this.hidden = tf.zeros([1, dim]);
    this.cellState = tf.zeros([1, dim]);
  }

  private resetHidden(): void {
    tf.dispose([this.hidden, this.cellState]);
    this.hidden = tf.zeros([1, this.dim]);
    this.cellState = tf.zeros([1, this.dim]);
  }

  /** Consumes one chunk of token ids, continuing from the current state. */
  private consume(chunk: number[]): void {
    const [h, c] = tf.tidy(() => {
      const vectors = tf.gather(this.embeddings, chunk);
      let h = this.hidden;
      let c = this.cellState;
      for (const x of tf.unstack(vectors)) {
        const out = this.lstm.call([x.expandDims(0), h, c], {}) as tf.Tensor2D[];
        h = out[1];
        c = out[2];
      }
      return [h, c];
    });
    tf.dispose([this.hidden, this.cellState]);
    this.hidden = h;
    this.cellState = c;
  }

  private *chunks(tokens: number[]): Generator<number[]> {
    for (let i = 0; i < tokens.length; i += this.chunkSize) yield tokens.slice(i, i + this.chunkSize);
  }

  /** Returns a fixed-size embedding of the whole document. */
  encodeDocument(tokens: number[]): Float32Array {
    this.resetHidden();
    const it = this.chunks(tokens);
    let next = it.next();
    while (!next.done) {
      this.consume(next.value);
      next = it.next();
    }
    return this.hidden.dataSync() as Float32Array;
  }

  encodeCorpus(docs: number[][]): Float32Array[] {
    return docs.map((d) => this.encodeDocument(d).slice());
  }

  dispose(): void {
    tf.dispose([this.hidden, this.cellState, this.embeddings]);
  }
}

export function nearestDocument(query: number[], corpus: number[][], vocab: number): number {
  const enc = new DocumentEncoder(vocab, 16, 8);
  const q = enc.encodeDocument(query).slice();
  const vecs = enc.encodeCorpus(corpus);
  let best = -1;
  let bestScore = -Infinity;
  vecs.forEach((v, i) => {
    let dot = 0;
    for (let k = 0; k < v.length; k++) dot += v[k] * q[k];
    if (dot > bestScore) {
      bestScore = dot;
      best = i;
    }
  });
  enc.dispose();
  return best;
}
