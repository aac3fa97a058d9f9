var tf = require('@tensorflow/tfjs');

function Ticker(units) {
  this.Wx = tf.randomNormal([2, units]);
  this.Wh = tf.randomNormal([units, units]);
  this.h = tf.zeros([1, units]);
}

// Called once per price tick.
Ticker.prototype.update = function (price, volume) {
  var self = this;
  var hNew = tf.tidy(function () {
    var carried = self.h.relu();
//                ~~~~~~~~~~~~~ stacked-activation
    return tf.relu(tf.tensor2d([[price, volume]]).matMul(self.Wx).add(carried.matMul(self.Wh)));
  });
  this.h.dispose();
  this.h = hNew;
  return hNew;
};

var ticker = new Ticker(5);
ticker.update(1.2, 300);
ticker.update(1.3, 120);
