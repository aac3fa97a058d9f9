// A function that runs a whole sequence from the state it is given, called once per sentence with the last one's state.
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

export function evaluate(sentences: tf.Tensor2D[][]): number[] {
  const scores: number[] = [];
  let hidden = tf.zeros([1, 16]) as tf.Tensor2D;
  for (const sentence of sentences) {
    const out = tf.tidy(() => encode(sentence, hidden));
    //                                         ~~~~~~ state-leak
    hidden = out.hidden;
    scores.push(out.logits.dataSync()[0]!);
  }
  return scores;
}

// The same through a copy of the parameter, and the result assigned straight back.
function run(steps: tf.Tensor2D[], start: tf.Tensor2D): tf.Tensor2D {
  let h = start;
  for (const x of steps) h = cell(x, h);
  return h;
}

export function summarise(documents: tf.Tensor2D[][]): tf.Tensor2D[] {
  let state = tf.zeros([1, 16]) as tf.Tensor2D;
  const finals: tf.Tensor2D[] = [];
  documents.forEach((doc) => {
    state = run(doc, state);
    //               ~~~~~ state-leak
    finals.push(state);
  });
  return finals;
}
