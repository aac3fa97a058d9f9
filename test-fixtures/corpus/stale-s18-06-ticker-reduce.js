// expect: stale-state
// Stock ticker widget: on each "quotes" event, runs an Elman RNN over the recent returns and emits a trend score.
var tf = require('@tensorflow/tfjs');

function ElmanCell(units, seed) {
  this.units = units;
  this.Wx = tf.randomNormal([1, units], 0, 0.6, 'float32', seed);
  this.Wh = tf.randomNormal([units, units], 0, 0.25, 'float32', seed + 1);
  this.b = tf.zeros([units]);
  this.Wy = tf.randomNormal([units, 1], 0, 0.5, 'float32', seed + 2);
}

ElmanCell.prototype.zeroState = function () {
  return tf.zeros([1, this.units]);
};

ElmanCell.prototype.step = function (x, h) {
  var hNext = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)).add(this.b));
  return { y: hNext.matMul(this.Wy), h: hNext };
};

function TrendWidget(cell) {
  this.cell = cell;
  this.handlers = {};
}

TrendWidget.prototype.on = function (name, fn) {
  (this.handlers[name] = this.handlers[name] || []).push(fn);
};

TrendWidget.prototype.emit = function (name, payload) {
  var list = this.handlers[name] || [];
  for (var i = 0; i < list.length; i++) list[i](payload);
};

TrendWidget.prototype.score = function (prices) {
  var cell = this.cell;
  return tf.tidy(function () {
    var returns = [];
    for (var i = 1; i < prices.length; i++) returns.push((prices[i] - prices[i - 1]) / prices[i - 1]);
    var h = cell.zeroState();
    var outputs = returns.reduce(function (acc, r) {
      var res = cell.step(tf.tensor2d([[r * 100]]), h);
      acc.push(res.y);
      return acc;
    }, []);
    var last = outputs[outputs.length - 1];
    return tf.sigmoid(last).dataSync()[0];
  });
};

TrendWidget.prototype.attach = function () {
  var self = this;
  this.on('quotes', function (msg) {
    var s = self.score(msg.prices);
    self.emit('trend', { symbol: msg.symbol, score: s, label: s > 0.5 ? 'up' : 'down' });
  });
  return this;
};

module.exports = { ElmanCell: ElmanCell, TrendWidget: TrendWidget };

if (require.main === module) {
  var widget = new TrendWidget(new ElmanCell(8, 21)).attach();
  widget.on('trend', function (t) {
    console.log(t.symbol + ' ' + t.label + ' (' + t.score.toFixed(3) + ')');
  });
  widget.emit('quotes', { symbol: 'ACME', prices: [10, 10.2, 10.5, 10.4, 10.9, 11.3] });
  widget.emit('quotes', { symbol: 'INIT', prices: [50, 49, 47.5, 46, 46.2, 45] });
}
