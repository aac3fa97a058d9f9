// expect: returns-input-state
// Frame tagger for the transcription widget: labels every audio frame as speech/music/noise with a small GRU.
var tf = require('@tensorflow/tfjs');

var TAGS = ['speech', 'music', 'noise'];

function FrameTagger(featDim, units, seed) {
  this.featDim = featDim;
  this.units = units;
  seed = seed || 1;
  this.Wz = tf.randomNormal([featDim + units, units], 0, 0.3, 'float32', seed);
  this.Wr = tf.randomNormal([featDim + units, units], 0, 0.3, 'float32', seed + 1);
  this.Wn = tf.randomNormal([featDim + units, units], 0, 0.3, 'float32', seed + 2);
  this.Wy = tf.randomNormal([units, TAGS.length], 0, 0.5, 'float32', seed + 3);
}

FrameTagger.prototype.initState = function () {
  return tf.zeros([1, this.units]);
};

// x: [1, featDim], h: [1, units] -> [tagProbs, state]
FrameTagger.prototype.call = function (x, h) {
  var self = this;
  return tf.tidy(function () {
    var xh = tf.concat([x, h], 1);
    var z = tf.sigmoid(tf.matMul(xh, self.Wz));
    var r = tf.sigmoid(tf.matMul(xh, self.Wr));
    var xrh = tf.concat([x, r.mul(h)], 1);
    var n = tf.tanh(tf.matMul(xrh, self.Wn));
    var ht = tf.onesLike(z).sub(z).mul(n).add(z.mul(h));
    var y = tf.softmax(tf.matMul(ht, self.Wy));
    return [y, h];
  });
};

FrameTagger.prototype.tagFrames = function (frames) {
  var self = this;
  return tf.tidy(function () {
    var h = self.initState();
    var tags = [];
    for (var i = 0; i < frames.length; i++) {
      var x = tf.tensor2d([frames[i]], [1, self.featDim]);
      var res = self.call(x, h);
      var probs = res[0].dataSync();
      var best = 0;
      for (var k = 1; k < probs.length; k++) {
        if (probs[k] > probs[best]) best = k;
      }
      tags.push(TAGS[best]);
      h = res[1];
    }
    return tags;
  });
};

// merge consecutive identical tags into [tag, startFrame, endFrame) segments
function toSegments(tags) {
  var segs = [];
  tags.forEach(function (tag, i) {
    var last = segs[segs.length - 1];
    if (last && last[0] === tag) {
      last[2] = i + 1;
    } else {
      segs.push([tag, i, i + 1]);
    }
  });
  return segs;
}

module.exports = { FrameTagger: FrameTagger, toSegments: toSegments, TAGS: TAGS };

if (require.main === module) {
  var tagger = new FrameTagger(12, 16, 3);
  var frames = [];
  for (var t = 0; t < 30; t++) {
    var row = [];
    for (var k = 0; k < 12; k++) row.push(Math.sin(t * 0.4 + k) * (t < 15 ? 1 : 0.2));
    frames.push(row);
  }
  console.log(JSON.stringify(toSegments(tagger.tagFrames(frames))));
}
