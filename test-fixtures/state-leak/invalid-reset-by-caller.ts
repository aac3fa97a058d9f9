// A class that encodes a whole document and offers reset() for its callers, and callers that loop
// over documents without calling it.
import * as tf from '@tensorflow/tfjs';

export class DocumentEncoder {
  private h: tf.Tensor2D;
  private readonly W = tf.variable(tf.randomNormal([16, 8], 0, 0.05));
  private readonly U = tf.variable(tf.randomNormal([8, 8], 0, 0.05));

  constructor() {
    this.h = tf.zeros([1, 8]);
  }

  reset(): void {
    this.h.dispose();
    this.h = tf.zeros([1, 8]);
  }

  private advance(x: tf.Tensor2D): void {
    const next = tf.tidy(() => tf.tanh(tf.matMul(x, this.W).add(tf.matMul(this.h, this.U))) as tf.Tensor2D);
    this.h.dispose();
    this.h = next;
  }

  encodeDocument(tokens: tf.Tensor2D[]): tf.Tensor2D {
    for (const x of tokens) this.advance(x);
    return this.h.clone();
  }
}

export function indexAll(docs: tf.Tensor2D[][]): tf.Tensor2D[] {
  const encoder = new DocumentEncoder();
  const out: tf.Tensor2D[] = [];
  for (const doc of docs) {
    out.push(encoder.encodeDocument(doc));
//           ~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
  }
  return out;
}

export async function indexStream(docs: AsyncIterable<tf.Tensor2D[]>, encoder: DocumentEncoder): Promise<number> {
  let n = 0;
  for await (const tokens of docs) {
    encoder.encodeDocument(tokens).dispose();
//  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
    n++;
  }
  return n;
}
