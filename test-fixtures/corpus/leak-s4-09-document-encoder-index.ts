// expect: state-leak
// Search-index builder: a DocumentEncoder class keeps its LSTM state in this.h/this.c; encodeDocument() consumes a whole document token by token but starts from whatever state the previous document left behind.
import * as tf from '@tensorflow/tfjs';

export interface EncoderWeights {
  embeddings: tf.Tensor2D;
  kernel: tf.Tensor2D;   // [embedDim + units, 4 * units]
  bias: tf.Tensor1D;
}

export interface IndexEntry { docId: string; vector: Float32Array }

export class DocumentEncoder {
  private h: tf.Tensor2D;
  private c: tf.Tensor2D;
  private readonly units: number;
  private readonly forgetBias = tf.scalar(1);

  constructor(private readonly w: EncoderWeights, private readonly opts: { normalise?: boolean } = {}) {
    this.units = w.bias.shape[0] / 4;
    this.h = tf.zeros([1, this.units]);
    this.c = tf.zeros([1, this.units]);
  }

  reset(): void {
    tf.dispose([this.h, this.c]);
    this.h = tf.zeros([1, this.units]);
    this.c = tf.zeros([1, this.units]);
  }

  private advance(tokenId: number): void {
    const [c, h] = tf.tidy(() => {
      const x = tf.gather(this.w.embeddings, [tokenId]);
      return tf.basicLSTMCell(this.forgetBias, this.w.kernel, this.w.bias, x, this.c, this.h);
    });
    tf.dispose([this.h, this.c]);
    this.c = c;
    this.h = h;
  }

  encodeDocument(tokens: number[]): Float32Array {
    for (const tok of tokens) {
      this.advance(tok);
    }
    return tf.tidy(() => {
      const v = this.opts.normalise ? this.h.div(tf.norm(this.h).add(1e-8)) : this.h;
      return v.dataSync() as Float32Array;
    });
  }

  dispose(): void {
    tf.dispose([this.h, this.c, this.forgetBias]);
  }
}

export function tokenize(text: string, vocab: Map<string, number>): number[] {
  return text.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean).map((w) => vocab.get(w) ?? 1);
}

export async function buildIndex(
  docs: AsyncIterable<{ id: string; text: string }>,
  vocab: Map<string, number>,
  weights: EncoderWeights,
  onProgress?: (done: number) => void,
): Promise<IndexEntry[]> {
  const encoder = new DocumentEncoder(weights, { normalise: true });
  const index: IndexEntry[] = [];
  for await (const doc of docs) {
    const vector = encoder.encodeDocument(tokenize(doc.text, vocab));
    index.push({ docId: doc.id, vector: Float32Array.from(vector) });
    if (index.length % 100 === 0) onProgress?.(index.length);
  }
  encoder.dispose();
  return index;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
  return dot / (Math.sqrt(na * nb) + 1e-8);
}
