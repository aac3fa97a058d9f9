// expect: stale-state
var tf = require('@tensorflow/tfjs');

function Tagger(cell, units) {
  this.cell = cell;
  this.h0 = tf.zeros([1, units]);
}

Tagger.prototype.tag = function (xs) {
  var ys = [];
  xs.forEach(function (x) {
    ys.push(this.cell.call([x, this.h0], {})[0]);
  }, this);
  return ys;
};

module.exports = Tagger;
