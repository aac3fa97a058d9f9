// Whole-sequence functions called per sequence with a fresh state, or per chunk of one stream.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([8, 16]));
const U = tf.variable(tf.randomNormal([16, 16]));
const head = tf.variable(tf.randomNormal([16, 1]));

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.matMul(x, W), tf.matMul(h, U)));
}

function encode(tokens: tf.Tensor2D[], hidden: tf.Tensor2D): { logits: tf.Tensor2D; hidden: tf.Tensor2D } {
  for (let t = 0; t < tokens.length; t++) {
    hidden = cell(tokens[t]!, hidden);
  }
  return { logits: tf.matMul(hidden, head), hidden };
}

function initHidden(): tf.Tensor2D {
  return tf.zeros([1, 16]);
}

// Reset at the start of every sentence.
export function evaluate(sentences: tf.Tensor2D[][]): number[] {
  const scores: number[] = [];
  let hidden = initHidden();
  for (const sentence of sentences) {
    hidden = initHidden();
    const out = encode(sentence, hidden);
    hidden = out.hidden;
    scores.push(out.logits.dataSync()[0]!);
  }
  return scores;
}

// A fresh state passed in every call.
export function classify(reviews: tf.Tensor2D[][]): tf.Tensor2D[] {
  return reviews.map((review) => encode(review, initHidden()).logits);
}

// Consecutive chunks of one long stream: the state is meant to flow from one chunk to the next.
export function stream(chunks: tf.Tensor2D[][]): tf.Tensor2D {
  let hidden = initHidden();
  for (const chunk of chunks) {
    hidden = encode(chunk, hidden).hidden;
  }
  return hidden;
}

// The state kept per sentence is read, but what is carried is reset from the result's copy.
export function perSentence(sentences: tf.Tensor2D[][]): tf.Tensor2D[] {
  const finals: tf.Tensor2D[] = [];
  let last = initHidden();
  for (const sentence of sentences) {
    const { hidden } = encode(sentence, initHidden());
    finals.push(hidden);
    last = hidden;
  }
  finals.push(last);
  return finals;
}
