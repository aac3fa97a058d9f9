// ES5 frame tagger: a GRU whose `call` returns the tag probabilities and the state.
var tf = require('@tensorflow/tfjs');

function FrameTagger(Wz, Wn, Wy) {
  this.Wz = Wz;
  this.Wn = Wn;
  this.Wy = Wy;
}
FrameTagger.prototype.call = function (x, h) {
  var self = this;
  return tf.tidy(function () {
    var xh = tf.concat([x, h], 1);
    var z = tf.sigmoid(tf.matMul(xh, self.Wz));
    var n = tf.tanh(tf.matMul(xh, self.Wn));
    var ht = tf.onesLike(z).sub(z).mul(n).add(z.mul(h));
    var y = tf.softmax(tf.matMul(ht, self.Wy));
    return [y, h];
    //         ~ returns-input-state
  });
};
FrameTagger.prototype.tagFrames = function (frames, h0) {
  var self = this;
  var h = h0;
  var tags = [];
  for (var i = 0; i < frames.length; i++) {
    var res = self.call(frames[i], h);
    tags.push(res[0].argMax(1).dataSync()[0]);
    h = res[1];
  }
  return tags;
};

module.exports = { FrameTagger: FrameTagger };
