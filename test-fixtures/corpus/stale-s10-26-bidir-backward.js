// expect: stale-state
// Bidirectional tanh RNN (ES5, prototype based) producing per-token features for the punctuation restorer.
var tf = require('@tensorflow/tfjs');

function TanhCell(inputSize, hiddenSize) {
  this.hiddenSize = hiddenSize;
  this.Wx = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.3));
  this.Wh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.3));
  this.b = tf.variable(tf.zeros([hiddenSize]));
}

TanhCell.prototype.zeroState = function (batch) {
  return tf.zeros([batch, this.hiddenSize]);
};

TanhCell.prototype.forward = function (input, hidden) {
  return tf.tanh(tf.add(tf.add(tf.matMul(input, this.Wx), tf.matMul(hidden, this.Wh)), this.b));
};

function BiRNN(inputSize, hiddenSize) {
  this.fwdCell = new TanhCell(inputSize, hiddenSize);
  this.bwdCell = new TanhCell(inputSize, hiddenSize);
}

// inputs: array of [batch, features]; initial: optional {fwd, bwd} states
BiRNN.prototype.forward = function (inputs, initial) {
  var self = this;
  var batch = inputs[0].shape[0];
  var init = initial || { fwd: this.fwdCell.zeroState(batch), bwd: this.bwdCell.zeroState(batch) };

  var hf = init.fwd;
  var fwdOut = [];
  inputs.forEach(function (x) {
    hf = self.fwdCell.forward(x, hf);
    fwdOut.push(hf);
  });

  var hb = init.bwd;
  var bwdOut = inputs.reduceRight(function (acc, x) {
    var hNext = self.bwdCell.forward(x, hb);
    acc.unshift(hNext);
    return acc;
  }, []);

  var outputs = [];
  for (var t = 0; t < inputs.length; t++) {
    outputs.push(tf.concat([fwdOut[t], bwdOut[t]], 1));
  }
  return { outputs: outputs, final: { fwd: hf, bwd: bwdOut[0] } };
};

function PunctuationModel(vocabSize, dim, hidden, marks) {
  this.marks = marks;
  this.embedding = tf.variable(tf.randomNormal([vocabSize, dim], 0, 0.3));
  this.rnn = new BiRNN(dim, hidden);
  this.Wout = tf.variable(tf.randomNormal([2 * hidden, marks.length], 0, 0.3));
}

PunctuationModel.prototype.predict = function (ids) {
  var self = this;
  return tf.tidy(function () {
    var steps = ids.map(function (id) {
      return tf.gather(self.embedding, tf.tensor1d([id], 'int32'));
    });
    var res = self.rnn.forward(steps);
    return res.outputs.map(function (o) {
      var probs = tf.softmax(tf.matMul(o, self.Wout));
      return self.marks[probs.argMax(1).dataSync()[0]];
    });
  });
};

module.exports = { TanhCell: TanhCell, BiRNN: BiRNN, PunctuationModel: PunctuationModel };

if (require.main === module) {
  var model = new PunctuationModel(100, 12, 16, ['', ',', '.', '?']);
  console.log(model.predict([5, 17, 42, 8, 63, 11]));
}
