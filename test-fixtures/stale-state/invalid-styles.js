// Older and looser JavaScript styles: prototype methods, a step passed in, Array.from.
var tf = require('@tensorflow/tfjs');

function Elman(W, U) {
  this.W = W;
  this.U = U;
}

Elman.prototype.forward = function (x, h) {
  return tf.tanh(x.matMul(this.W).add(h.matMul(this.U)));
};

Elman.prototype.run = function (xs) {
  var h = tf.zeros([1, this.U.shape[0]]);
  var outs = [];
  for (var i = 0; i < xs.length; i++) {
    outs.push(this.forward(xs[i], h));
//                                ~ stale-state
  }
  return outs;
};

// The step function is a parameter; the zero start state is passed to every call.
function backward(xs, step, units) {
  var init = tf.zeros([1, units]);
  var outs = new Array(xs.length);
  var i = xs.length;
  while (i--) {
    outs[i] = step(xs[i], init);
//                        ~~~~ stale-state
  }
  return outs;
}

function statesOf(xs, step, units) {
  var h0 = tf.zeros([1, units]);
  return Array.from(xs, function (x) { return step(x, h0); });
//                                                    ~~ stale-state
}

module.exports = { Elman: Elman, backward: backward, statesOf: statesOf };
