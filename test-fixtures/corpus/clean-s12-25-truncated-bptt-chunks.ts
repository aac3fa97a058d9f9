// expect: none
// Char-level RNN trained on one long stream with truncated BPTT (k = 8 steps), PyTorch "repackage_hidden" style.
import * as tf from '@tensorflow/tfjs';

const corpus = 'abcabcabdabcabcabdabcabcabd'.repeat(6);
const vocab = Array.from(new Set(corpus)).sort();
const V = vocab.length;
const hidden_size = 16;
const bptt = 8;

const W_xh = tf.variable(tf.randomNormal([V, hidden_size], 0, 0.3));
const W_hh = tf.variable(tf.randomNormal([hidden_size, hidden_size], 0, 0.3));
const b_h = tf.variable(tf.zeros([hidden_size]));
const W_hy = tf.variable(tf.randomNormal([hidden_size, V], 0, 0.3));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, W_xh).add(tf.matMul(h, W_hh)).add(b_h)) as tf.Tensor2D;
}

// Wraps hidden states in new Tensors, to detach them from their history.
// Only called between chunks, so gradients still flow through all bptt steps inside a chunk.
function repackageHidden(h: tf.Tensor2D): tf.Tensor2D {
  return tf.tensor2d(h.dataSync(), [1, hidden_size]);
}

function chunkLoss(inputs: number[], targets: number[], h0: tf.Tensor2D, keepLast: (h: tf.Tensor2D) => void): tf.Scalar {
  let h = h0;
  let loss = tf.scalar(0);
  for (let t = 0; t < inputs.length; t++) {
    const x = tf.oneHot([inputs[t]], V).toFloat() as tf.Tensor2D;
    h = step(x, h);
    const logits = tf.matMul(h, W_hy);
    loss = loss.add(tf.losses.softmaxCrossEntropy(tf.oneHot([targets[t]], V), logits));
  }
  keepLast(tf.keep(h));
  return loss.div(inputs.length) as tf.Scalar;
}

export function trainEpoch(optimizer: tf.Optimizer): { loss: number; recurrentGradNorm: number } {
  const ids = Array.from(corpus).map((c) => vocab.indexOf(c));
  let hidden = tf.zeros([1, hidden_size]) as tf.Tensor2D; // start of the stream
  let total = 0;
  let chunks = 0;
  let recurrentGradNorm = 0;
  for (let i = 0; i + 1 < ids.length; i += bptt) {
    const seq_len = Math.min(bptt, ids.length - 1 - i);
    const inputs = ids.slice(i, i + seq_len);
    const targets = ids.slice(i + 1, i + 1 + seq_len);
    let last: tf.Tensor2D | null = null;
    const { value, grads } = tf.variableGrads(() => chunkLoss(inputs, targets, hidden, (h) => { last = h; }));
    recurrentGradNorm += tf.tidy(() => tf.norm(grads[W_hh.name]).dataSync()[0]);
    optimizer.applyGradients(grads);
    total += value.dataSync()[0];
    chunks++;
    tf.dispose([value, grads, hidden]);
    // truncated BPTT: the next chunk starts from this state, but does not backprop into this chunk
    const lastH = last as unknown as tf.Tensor2D;
    hidden = repackageHidden(lastH);
    lastH.dispose();
  }
  hidden.dispose();
  return { loss: total / chunks, recurrentGradNorm: recurrentGradNorm / chunks };
}

export function main(epochs = 15): void {
  const optimizer = tf.train.adam(0.02);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const { loss, recurrentGradNorm } = trainEpoch(optimizer);
    if (epoch % 5 === 0) {
      console.log(`| epoch ${epoch} | loss ${loss.toFixed(3)} | ppl ${Math.exp(loss).toFixed(2)} | |dW_hh| ${recurrentGradNorm.toFixed(4)}`);
    }
  }
  console.log('tensors alive:', tf.memory().numTensors);
}

main();
