// A helper unrolls the sequence and returns every state it pushed; the loss closure only reads them.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wxh = tf.variable(tf.randomNormal([4, H], 0, 0.01));
const Whh = tf.variable(tf.randomNormal([H, H], 0, 0.01));
const Why = tf.variable(tf.randomNormal([H, 3], 0, 0.01));
const optimizer = tf.train.adagrad(0.1);

function runSequence(inputs: tf.Tensor2D[], hPrev: tf.Tensor2D): tf.Tensor2D[] {
  const states: tf.Tensor2D[] = [];
  let h = hPrev;
  for (const x of inputs) {
    h = tf.tanh(tf.addN([tf.matMul(x, Wxh), tf.matMul(h, Whh)])) as tf.Tensor2D;
    states.push(h);
  }
  return states;
}

function chunkLoss(states: tf.Tensor2D[], labels: tf.Tensor2D): tf.Scalar {
  const logits = tf.concat(states.map((h) => tf.matMul(h, Why)), 0);
  return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
}

export function trainChunk(inputs: tf.Tensor2D[], labels: tf.Tensor2D): tf.Scalar | null {
  const states = runSequence(inputs, tf.zeros([1, H]) as tf.Tensor2D);
  return optimizer.minimize(() => chunkLoss(states, labels), true);
//                                          ~~~~~~ bptt-cut
}

// Inside the closure the same helper is fine.
export function trainChunkRecorded(inputs: tf.Tensor2D[], labels: tf.Tensor2D): tf.Scalar | null {
  return optimizer.minimize(() => chunkLoss(runSequence(inputs, tf.zeros([1, H]) as tf.Tensor2D), labels), true);
}

// An encoder written as a recursion, run before the gradient closure.
function encodeFrom(xs: tf.Tensor2D[], t: number, h: tf.Tensor2D): tf.Tensor2D {
  if (t === xs.length) return h;
  const next = tf.tanh(tf.addN([tf.matMul(xs[t]!, Wxh), tf.matMul(h, Whh)])) as tf.Tensor2D;
  return encodeFrom(xs, t + 1, next);
}

export function trainEncoded(xs: tf.Tensor2D[], labels: tf.Tensor2D): void {
  const context = encodeFrom(xs, 0, tf.zeros([1, H]) as tf.Tensor2D);
  const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(labels, tf.matMul(context, Why)) as tf.Scalar);
//                                                                                         ~~~~~~~ bptt-cut
  (optimizer as tf.Optimizer).applyGradients(grads);
}

// Inside the closure the recursion is recorded.
export function trainEncodedRecorded(xs: tf.Tensor2D[], labels: tf.Tensor2D): void {
  const { grads } = tf.variableGrads(() => {
    const context = encodeFrom(xs, 0, tf.zeros([1, H]) as tf.Tensor2D);
    return tf.losses.softmaxCrossEntropy(labels, tf.matMul(context, Why)) as tf.Scalar;
  });
  (optimizer as tf.Optimizer).applyGradients(grads);
}

// An arrow recursion with the step inline, reached through a wrapper.
const cell = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D => tf.tanh(tf.matMul(x, Wxh).add(tf.matMul(h, Whh))) as tf.Tensor2D;
const unrollFrom = (t: number, h: tf.Tensor2D, xs: tf.Tensor2D[]): tf.Tensor2D => (t === xs.length ? h : unrollFrom(t + 1, cell(xs[t]!, h), xs));

function encode(xs: tf.Tensor2D[]): tf.Tensor2D {
  return unrollFrom(0, tf.zeros([1, H]) as tf.Tensor2D, xs);
}

export function trainWrapped(xs: tf.Tensor2D[], labels: tf.Tensor2D): void {
  const summary = encode(xs);
  const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(labels, tf.matMul(summary, Why)) as tf.Scalar);
//                                                                                         ~~~~~~~ bptt-cut
  (optimizer as tf.Optimizer).applyGradients(grads);
}

// A method that unrolls and returns `{ output, hidden }`, destructured before the closure.
export class Tagger {
  constructor(private readonly Wtag: tf.Variable) {}

  rnn(inputs: tf.Tensor2D[], hidden: tf.Tensor2D): { output: tf.Tensor2D; hidden: tf.Tensor2D } {
    const outs: tf.Tensor2D[] = [];
    for (const x of inputs) {
      hidden = tf.tanh(tf.addN([tf.matMul(x, Wxh), tf.matMul(hidden, Whh)])) as tf.Tensor2D;
      outs.push(hidden);
    }
    return { output: tf.concat(outs, 0) as tf.Tensor2D, hidden };
  }

  trainStep(model: Tagger, inputs: tf.Tensor2D[], labels: tf.Tensor2D): void {
    const { output, hidden } = tf.tidy(() => model.rnn(inputs, tf.zeros([1, H])));
    optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, tf.matMul(output, this.Wtag as tf.Tensor2D)) as tf.Scalar);
    //                                                                       ~~~~~~ bptt-cut
    hidden.dispose();
  }
}
