// expect: none
// Encodes variable-length sentences in padded batches with an RNN; padding steps are masked so they keep the last state.
var tf = require('@tensorflow/tfjs');

function MaskedEncoder(embedDim, units) {
  this.units = units;
  this.Wx = tf.randomNormal([embedDim, units], 0, 0.3, 'float32', 61);
  this.Wh = tf.randomNormal([units, units], 0, 0.3, 'float32', 62);
  this.b = tf.zeros([units]);
}

MaskedEncoder.prototype.step = function (x, h, mask) {
  var candidate = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)).add(this.b));
  var m = mask.expandDims(1);
  return candidate.mul(m).add(h.mul(tf.sub(1, m)));
};

MaskedEncoder.prototype.encodeBatch = function (embedded, mask) {
  var self = this;
  return tf.tidy(function () {
    var batch = embedded.shape[0];
    var steps = embedded.shape[1];
    var h = tf.zeros([batch, self.units]);
    var frames = tf.unstack(embedded, 1);
    var masks = tf.unstack(mask, 1);
    for (var t = 0; t < steps; t++) {
      h = self.step(frames[t], h, masks[t]);
    }
    return h;
  });
};

function padBatch(sentences, embeddings) {
  var maxLen = 0;
  sentences.forEach(function (s) { maxLen = Math.max(maxLen, s.length); });
  var dim = embeddings[0].length;
  var data = [];
  var mask = [];
  sentences.forEach(function (s) {
    var rows = [];
    var m = [];
    for (var t = 0; t < maxLen; t++) {
      rows.push(t < s.length ? embeddings[s[t]] : new Array(dim).fill(0));
      m.push(t < s.length ? 1 : 0);
    }
    data.push(rows);
    mask.push(m);
  });
  return { embedded: tf.tensor3d(data), mask: tf.tensor2d(mask) };
}

function encodeCorpus(encoder, corpus, embeddings, batchSize) {
  var vectors = [];
  for (var i = 0; i < corpus.length; i += batchSize) {
    var batch = padBatch(corpus.slice(i, i + batchSize), embeddings);
    var h = encoder.encodeBatch(batch.embedded, batch.mask);
    vectors = vectors.concat(h.arraySync());
    tf.dispose([h, batch.embedded, batch.mask]);
  }
  return vectors;
}

module.exports = { MaskedEncoder: MaskedEncoder, padBatch: padBatch, encodeCorpus: encodeCorpus };

if (require.main === module) {
  var embeddings = [];
  for (var w = 0; w < 10; w++) {
    embeddings.push([Math.sin(w), Math.cos(w), w / 10]);
  }
  var corpus = [[1, 2, 3], [4, 5], [6, 7, 8, 9], [2], [3, 3, 3]];
  var enc = new MaskedEncoder(3, 5);
  console.log(encodeCorpus(enc, corpus, embeddings, 2));
}
