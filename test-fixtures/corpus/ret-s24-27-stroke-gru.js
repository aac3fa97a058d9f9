// expect: returns-input-state
// Pen-stroke recognizer for a drawing pad: a GRU cell reads (dx, dy, penDown) points and emits per-point shape scores.
var tf = require('@tensorflow/tfjs');

var SHAPES = ['circle', 'line', 'zigzag'];

function GruCell(inputSize, units, seed) {
  var r = function (a, b, s) { return tf.randomNormal([a, b], 0, 0.4, 'float32', seed + s); };
  this.units = units;
  this.Wz = r(inputSize, units, 0); this.Uz = r(units, units, 1);
  this.Wr = r(inputSize, units, 2); this.Ur = r(units, units, 3);
  this.Wh = r(inputSize, units, 4); this.Uh = r(units, units, 5);
  this.Wy = r(units, SHAPES.length, 6);
}

GruCell.prototype.forward = function (x, h) {
  var z = tf.sigmoid(x.matMul(this.Wz).add(h.matMul(this.Uz)));
  var r = tf.sigmoid(x.matMul(this.Wr).add(h.matMul(this.Ur)));
  var hHat = tf.tanh(x.matMul(this.Wh).add(r.mul(h).matMul(this.Uh)));
  var hNext = tf.sub(1, z).mul(h).add(z.mul(hHat));
  var y = tf.softmax(hNext.matMul(this.Wy));
  return [y, h];
};

function StrokeRecognizer(opts) {
  opts = opts || {};
  this.cell = new GruCell(3, opts.units || 12, opts.seed || 3);
}

StrokeRecognizer.prototype.toDeltas = function (points) {
  return points.slice(1).map(function (p, i) {
    var q = points[i];
    return [(p.x - q.x) / 50, (p.y - q.y) / 50, p.down ? 1 : 0];
  });
};

StrokeRecognizer.prototype.recognize = function (points) {
  var cell = this.cell;
  var deltas = this.toDeltas(points);
  var probs = tf.tidy(function () {
    var h = tf.zeros([1, cell.units]);
    var y = null;
    deltas.forEach(function (d) {
      var res = cell.forward(tf.tensor2d([d]), h);
      y = res[0];
      h = res[1];
    });
    return y;
  });
  var p = probs.dataSync();
  probs.dispose();
  var best = 0;
  for (var i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return { shape: SHAPES[best], score: p[best] };
};

module.exports = { GruCell: GruCell, StrokeRecognizer: StrokeRecognizer };

if (require.main === module) {
  var circle = [], line = [], zig = [];
  for (var t = 0; t <= 20; t++) {
    circle.push({ x: 100 + 40 * Math.cos(t / 3), y: 100 + 40 * Math.sin(t / 3), down: true });
    line.push({ x: 10 + t * 8, y: 30 + t * 2, down: true });
    zig.push({ x: 10 + t * 6, y: t % 2 ? 20 : 60, down: true });
  }
  var rec = new StrokeRecognizer();
  [['circle', circle], ['line', line], ['zigzag', zig]].forEach(function (pair) {
    var r = rec.recognize(pair[1]);
    console.log(pair[0], '->', r.shape, r.score.toFixed(3));
  });
}
