// expect: unused-hidden-state
// Recurrent blocks for the legacy text-autocomplete widget (ES5, no build step); ResidualBlock adds a skip path.
var tf = require('@tensorflow/tfjs');

function RecurrentBlock(inDim, units, seed) {
  this.inDim = inDim;
  this.units = units;
  seed = seed || 100;
  this.W = tf.variable(tf.randomNormal([inDim, units], 0, 0.3, 'float32', seed));
  this.U = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1));
  this.b = tf.variable(tf.zeros([units]));
}

RecurrentBlock.prototype.zeros = function (batch) {
  return tf.zeros([batch, this.units]);
};

// forward(x, hidden) -> new hidden; hidden may be omitted on the first step
RecurrentBlock.prototype.forward = function (x, hidden) {
  var h = hidden || this.zeros(x.shape[0]);
  return tf.tanh(tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)), this.b));
};

function ResidualBlock(inDim, units, seed) {
  RecurrentBlock.call(this, inDim, units, seed);
  this.P = tf.variable(tf.randomNormal([inDim, units], 0, 0.3, 'float32', (seed || 100) + 2));
}

ResidualBlock.prototype = Object.create(RecurrentBlock.prototype);
ResidualBlock.prototype.constructor = ResidualBlock;

ResidualBlock.prototype.forward = function (x, hidden) {
  var core = RecurrentBlock.prototype.forward.call(this, x);
  return tf.add(core, tf.matMul(x, this.P));
};

function Autocomplete(vocab, emb, units) {
  this.embed = tf.variable(tf.randomNormal([vocab, emb], 0, 0.5, 'float32', 7));
  this.block = new ResidualBlock(emb, units, 200);
  this.out = tf.variable(tf.randomNormal([units, vocab], 0, 0.3, 'float32', 8));
}

Autocomplete.prototype.nextTokenProbs = function (tokenIds) {
  var self = this;
  return tf.tidy(function () {
    var hidden = null;
    for (var i = 0; i < tokenIds.length; i++) {
      var x = tf.gather(self.embed, tf.tensor1d([tokenIds[i]], 'int32'));
      hidden = self.block.forward(x, hidden);
    }
    return tf.softmax(tf.matMul(hidden, self.out));
  });
};

module.exports = { RecurrentBlock: RecurrentBlock, ResidualBlock: ResidualBlock, Autocomplete: Autocomplete };

if (require.main === module) {
  var ac = new Autocomplete(20, 6, 8);
  ac.nextTokenProbs([3, 1, 4, 1, 5]).argMax(-1).print();
  ac.nextTokenProbs([9, 2, 6, 1, 5]).argMax(-1).print();
}
