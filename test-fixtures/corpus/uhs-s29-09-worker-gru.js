// expect: unused-hidden-state
// Comment-box tone worker: a word-level GRU reads the draft and posts back a "might sound harsh" score.
var tf = require('@tensorflow/tfjs');

var VOCAB = ['<unk>', 'you', 'are', 'not', 'wrong', 'stupid', 'thanks', 'please', 'never', 'always',
  'idiot', 'great', 'bad', 'love', 'hate', 'fix', 'this', 'now', 'again', 'why'];
var EMBED = 8;
var UNITS = 12;

function GRUCell(inputSize, units, seed) {
  this.units = units;
  this.W = tf.randomNormal([inputSize, 3 * units], 0, 0.4, 'float32', seed);
  this.U = tf.randomNormal([units, 3 * units], 0, 0.3, 'float32', seed + 1);
  this.b = tf.zeros([3 * units]);
}

GRUCell.prototype.step = function (x, h) {
  var cell = this;
  return tf.tidy(function () {
    var h = h || tf.zeros([x.shape[0], cell.units]);
    var xs = tf.split(tf.matMul(x, cell.W).add(cell.b), 3, 1);
    var hs = tf.split(tf.matMul(h, cell.U), 3, 1);
    var z = tf.sigmoid(xs[0].add(hs[0]));
    var r = tf.sigmoid(xs[1].add(hs[1]));
    var cand = tf.tanh(xs[2].add(r.mul(hs[2])));
    return tf.sub(1, z).mul(h).add(z.mul(cand));
  });
};

function ToneModel(seed) {
  this.embeddings = tf.randomNormal([VOCAB.length, EMBED], 0, 1, 'float32', seed);
  this.cell = new GRUCell(EMBED, UNITS, seed + 10);
  this.wOut = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 20);
}

ToneModel.prototype.tokenize = function (text) {
  return text.toLowerCase().split(/[^a-z']+/).filter(Boolean).map(function (w) {
    var i = VOCAB.indexOf(w);
    return i < 0 ? 0 : i;
  });
};

ToneModel.prototype.score = function (text) {
  var ids = this.tokenize(text);
  var h = null;
  for (var i = 0; i < ids.length; i++) {
    var x = tf.gather(this.embeddings, [ids[i]]);
    var next = this.cell.step(x, h);
    x.dispose();
    if (h) h.dispose();
    h = next;
  }
  if (!h) return 0;
  var out = tf.sigmoid(tf.matMul(h, this.wOut));
  var value = out.dataSync()[0];
  out.dispose();
  h.dispose();
  return value;
};

var model = new ToneModel(4);
var pending = null;

self.onmessage = function (e) {
  var text = String(e.data && e.data.text || '');
  clearTimeout(pending);
  pending = setTimeout(function () {
    self.postMessage({ harsh: model.score(text), words: model.tokenize(text).length });
  }, 150);
};

if (typeof module !== 'undefined') module.exports = { GRUCell: GRUCell, ToneModel: ToneModel };
