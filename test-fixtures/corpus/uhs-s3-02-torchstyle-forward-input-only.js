// expect: unused-hidden-state
// PyTorch-style recurrent cell used by a Node sentiment script; bug: forward() builds the new hidden state from the input projection alone, the `hidden` argument is never used.
const tf = require('@tensorflow/tfjs-node');

class RecurrentCell {
  constructor(inputSize, hiddenSize) {
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.wIh = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1), true, 'cell/w_ih');
    this.wHh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1), true, 'cell/w_hh');
    this.bH = tf.variable(tf.zeros([hiddenSize]), true, 'cell/b_h');
  }

  initHidden(batchSize) {
    return tf.zeros([batchSize, this.hiddenSize]);
  }

  forward(input, hidden) {
    return tf.tidy(() => {
      const combined = input.matMul(this.wIh).add(this.bH);
      return combined.relu();
    });
  }

  parameters() {
    return [this.wIh, this.wHh, this.bH];
  }
}

class SentimentModel {
  constructor(embedDim, hiddenSize) {
    this.cell = new RecurrentCell(embedDim, hiddenSize);
    this.wOut = tf.variable(tf.randomNormal([hiddenSize, 1], 0, 0.1));
  }

  forward(sequence) {
    // sequence: Tensor3D [seqLen, batch, embedDim]
    const steps = tf.unstack(sequence);
    let hidden = this.cell.initHidden(sequence.shape[1]);
    for (const x of steps) {
      const next = this.cell.forward(x, hidden);
      hidden.dispose();
      hidden = next;
    }
    const score = hidden.matMul(this.wOut).sigmoid();
    tf.dispose([hidden, ...steps]);
    return score;
  }
}

module.exports = { RecurrentCell, SentimentModel };
