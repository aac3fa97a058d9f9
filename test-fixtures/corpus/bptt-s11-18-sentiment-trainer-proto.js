// expect: bptt-cut
// Sentiment RNN trainer in prototype style; BaseTrainer handles the optimizer, RnnTrainer supplies encode and the head.
var tf = require('@tensorflow/tfjs');

function BaseTrainer(learningRate) {
  this.optimizer = tf.train.sgd(learningRate || 0.1);
  this.history = [];
}

BaseTrainer.prototype.prepare = function (batch) {
  return batch;
};

BaseTrainer.prototype.trainBatch = function (batch) {
  var self = this;
  var prepared = this.prepare(batch);
  var loss = this.optimizer.minimize(function () {
    return self.loss(prepared);
  }, true);
  var v = loss.dataSync()[0];
  loss.dispose();
  this.history.push(v);
  return v;
};

function RnnTrainer(vocab, units, lr) {
  BaseTrainer.call(this, lr);
  this.units = units;
  this.embed = tf.variable(tf.randomNormal([vocab, units], 0, 0.4, 'float32', 1));
  this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', 2));
  this.Wo = tf.variable(tf.randomNormal([units, 1], 0, 0.4, 'float32', 3));
  this.bo = tf.variable(tf.zeros([1]));
}

RnnTrainer.prototype = Object.create(BaseTrainer.prototype);
RnnTrainer.prototype.constructor = RnnTrainer;

RnnTrainer.prototype.encode = function (ids) {
  var self = this;
  var h = tf.zeros([ids.length, this.units]);
  for (var t = 0; t < ids[0].length; t++) {
    var col = ids.map(function (row) { return row[t]; });
    var x = tf.gather(self.embed, tf.tensor1d(col, 'int32'));
    h = tf.tanh(tf.add(x, tf.matMul(h, self.Wh)));
  }
  return h;
};

RnnTrainer.prototype.prepare = function (batch) {
  return { h: this.encode(batch.ids), labels: tf.tensor2d(batch.labels, [batch.labels.length, 1]) };
};

RnnTrainer.prototype.loss = function (prepared) {
  var logits = tf.add(tf.matMul(prepared.h, this.Wo), this.bo);
  return tf.losses.sigmoidCrossEntropy(prepared.labels, logits);
};

module.exports = { BaseTrainer: BaseTrainer, RnnTrainer: RnnTrainer };

if (require.main === module) {
  var trainer = new RnnTrainer(10, 6, 0.5);
  var batch = {
    ids: [[1, 2, 3, 4], [5, 6, 7, 8], [1, 1, 2, 2], [7, 7, 8, 8]],
    labels: [1, 0, 1, 0]
  };
  for (var i = 0; i < 20; i++) trainer.trainBatch(batch);
  console.log('loss', trainer.history[0].toFixed(4), '->', trainer.history[19].toFixed(4));
}
