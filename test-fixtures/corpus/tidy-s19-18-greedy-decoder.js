// expect: tidy-disposed-state
// Greedy seq2seq decoder with a chainable API: decoder.begin(context).step(tok).step(tok)... for the autocomplete widget.
var tf = require('@tensorflow/tfjs');

function DecoderParams(vocab, ctxDim, units, seed) {
  var s = seed || 91;
  this.vocab = vocab;
  this.units = units;
  this.Wc = tf.randomNormal([ctxDim, units], 0, 0.4, 'float32', s);
  this.E = tf.randomNormal([vocab, units], 0, 0.4, 'float32', s + 1);
  this.Wh = tf.randomNormal([units, units], 0, 0.4, 'float32', s + 2);
  this.Wo = tf.randomNormal([units, vocab], 0, 0.4, 'float32', s + 3);
}

function GreedyDecoder(params) {
  this.params = params;
  this.h = null;
  this.tokens = [];
  this.last = 0;
}

GreedyDecoder.prototype.begin = function (contextVector) {
  var p = this.params;
  if (this.h) this.h.dispose();
  this.h = tf.tidy(function () {
    return tf.tanh(tf.tensor2d([contextVector]).matMul(p.Wc));
  });
  this.tokens = [];
  this.last = 0;
  return this;
};

GreedyDecoder.prototype.step = function (forcedToken) {
  var self = this;
  var p = this.params;
  var input = forcedToken === undefined ? this.last : forcedToken;
  var next = tf.tidy(function () {
    var emb = tf.gather(p.E, tf.tensor1d([input], 'int32'));
    var h = tf.tanh(emb.add(self.h.matMul(p.Wh)));
    self.h = h;
    return tf.argMax(h.matMul(p.Wo), 1);
  });
  this.last = next.dataSync()[0];
  next.dispose();
  this.tokens.push(this.last);
  return this;
};

GreedyDecoder.prototype.run = function (maxLen, endToken) {
  for (var i = 0; i < maxLen; i++) {
    this.step();
    if (this.last === endToken) break;
  }
  return this.tokens.slice();
};

GreedyDecoder.prototype.dispose = function () {
  if (this.h) this.h.dispose();
  this.h = null;
};

function complete(params, contextVector, maxLen) {
  var dec = new GreedyDecoder(params).begin(contextVector);
  var out = dec.run(maxLen || 8, params.vocab - 1);
  dec.dispose();
  return out;
}

module.exports = { DecoderParams: DecoderParams, GreedyDecoder: GreedyDecoder, complete: complete };

if (require.main === module) {
  var params = new DecoderParams(12, 5, 16);
  console.log('completion:', complete(params, [0.1, -0.3, 0.5, 0.2, 0.9], 6));
}
