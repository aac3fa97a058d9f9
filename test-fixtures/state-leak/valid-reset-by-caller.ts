// A class that encodes a whole document and offers reset() for its callers, used correctly:
// reset between documents, a fresh encoder per document, or the chunks of one document in turn.
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
    encoder.reset();
    out.push(encoder.encodeDocument(doc));
  }
  return out;
}

export function indexFresh(docs: tf.Tensor2D[][]): tf.Tensor2D[] {
  const out: tf.Tensor2D[] = [];
  for (const doc of docs) {
    const encoder = new DocumentEncoder();
    out.push(encoder.encodeDocument(doc));
  }
  return out;
}

// One long document read in chunks: the state must flow from one chunk to the next.
export function encodeLong(chunks: tf.Tensor2D[][], encoder: DocumentEncoder): tf.Tensor2D | undefined {
  encoder.reset();
  let last: tf.Tensor2D | undefined;
  for (const chunk of chunks) {
    last?.dispose();
    last = encoder.encodeDocument(chunk);
  }
  return last;
}

// A single document.
export function encodeOne(doc: tf.Tensor2D[]): tf.Tensor2D {
  const encoder = new DocumentEncoder();
  return encoder.encodeDocument(doc);
}
