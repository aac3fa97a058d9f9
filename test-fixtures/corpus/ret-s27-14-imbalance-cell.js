// expect: returns-input-state
// Order-book imbalance monitor: a tiny Elman cell consumes one depth snapshot at a time and emits a short-term pressure reading.
var tf = require('@tensorflow/tfjs');

function ImbalanceCell(nIn, nHidden, nOut) {
  this.nHidden = nHidden;
  this.Wx = tf.randomNormal([nIn, nHidden], 0, 0.5, 'float32', 91);
  this.Wh = tf.randomNormal([nHidden, nHidden], 0, 0.3, 'float32', 92);
  this.b = tf.zeros([nHidden]);
  this.Wy = tf.randomNormal([nHidden, nOut], 0, 0.5, 'float32', 93);
  this.by = tf.zeros([nOut]);
}

ImbalanceCell.prototype.initial = function () {
  return tf.zeros([1, this.nHidden]);
};

ImbalanceCell.prototype.step = function (x, h) {
  var self = this;
  return tf.tidy(function () {
    var hNext = tf.tanh(tf.matMul(x, self.Wx).add(tf.matMul(h, self.Wh)).add(self.b));
    var out = tf.tanh(tf.matMul(hNext, self.Wy).add(self.by));
    return [out, h];
  });
};

function snapshotFeatures(book) {
  var bidVol = 0;
  var askVol = 0;
  for (var i = 0; i < book.bids.length; i++) bidVol += book.bids[i][1];
  for (var j = 0; j < book.asks.length; j++) askVol += book.asks[j][1];
  var mid = (book.bids[0][0] + book.asks[0][0]) / 2;
  var spreadBp = ((book.asks[0][0] - book.bids[0][0]) / mid) * 1e4;
  return [(bidVol - askVol) / (bidVol + askVol), spreadBp / 10, Math.log10(bidVol + askVol) / 5];
}

function PressureMonitor(cell) {
  this.cell = cell;
  this.state = cell.initial();
  this.readings = [];
}

PressureMonitor.prototype.onSnapshot = function (book) {
  var x = tf.tensor2d([snapshotFeatures(book)]);
  var res = this.cell.step(x, this.state);
  var reading = res[0].dataSync()[0];
  res[0].dispose();
  x.dispose();
  this.state = res[1];
  this.readings.push(reading);
  return reading;
};

function fakeBook(t) {
  var mid = 100 + 0.05 * Math.sin(t / 5);
  var tilt = 1 + 0.8 * Math.sin(t / 11);
  var bids = [];
  var asks = [];
  for (var k = 0; k < 5; k++) {
    bids.push([mid - 0.01 * (k + 1), 200 * tilt + 30 * k]);
    asks.push([mid + 0.01 * (k + 1), 200 / tilt + 30 * k]);
  }
  return { bids: bids, asks: asks };
}

module.exports = { ImbalanceCell: ImbalanceCell, PressureMonitor: PressureMonitor, fakeBook: fakeBook };

if (require.main === module) {
  var monitor = new PressureMonitor(new ImbalanceCell(3, 8, 1));
  for (var t = 0; t < 50; t++) {
    var r = monitor.onSnapshot(fakeBook(t));
    if (t % 10 === 0) console.log('t=' + t + ' pressure=' + r.toFixed(3));
  }
}
