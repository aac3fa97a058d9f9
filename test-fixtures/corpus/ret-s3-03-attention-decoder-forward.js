// expect: returns-input-state
// PyTorch-style dot-product attention decoder cell for a seq2seq translator; bug: forward() computes `newHidden` but the returned object uses shorthand `hidden`, i.e. the state it received.
import * as tf from '@tensorflow/tfjs';

export class AttnDecoderCell {
  constructor(embedDim, hiddenSize, vocabSize) {
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.05));
    this.W = init([embedDim + hiddenSize, hiddenSize]);
    this.U = init([hiddenSize, hiddenSize]);
    this.b = tf.variable(tf.zeros([hiddenSize]));
    this.Wout = init([hiddenSize, vocabSize]);
    this.bout = tf.variable(tf.zeros([vocabSize]));
  }

  // input: [B, E], hidden: [B, H], encoderOutputs: [B, T, H]
  forward(input, hidden, encoderOutputs) {
    return tf.tidy(() => {
      const scores = encoderOutputs.matMul(hidden.expandDims(2)).squeeze([2]);
      const weights = scores.softmax();
      const context = weights.expandDims(1).matMul(encoderOutputs).squeeze([1]);
      const newHidden = tf
        .concat([input, context], 1)
        .matMul(this.W)
        .add(hidden.matMul(this.U))
        .add(this.b)
        .tanh();
      const output = newHidden.matMul(this.Wout).add(this.bout);
      return { output, hidden, attention: weights };
    });
  }
}

export function greedyDecode(cell, embed, encoderOutputs, encoderFinal, { bos, eos, maxLen = 40 }) {
  let hidden = encoderFinal;
  let token = bos;
  const result = [];
  for (let t = 0; t < maxLen; t++) {
    const input = embed(token);
    const step = cell.forward(input, hidden, encoderOutputs);
    hidden = step.hidden;
    token = step.output.argMax(1).dataSync()[0];
    tf.dispose([input, step.output, step.attention]);
    if (token === eos) break;
    result.push(token);
  }
  return result;
}
