var tf = require('@tensorflow/tfjs');

function Scorer(units, seed) {
  this.V = tf.variable(tf.randomNormal([units, 1], 0, 0.1, 'float32', seed));
}

Scorer.prototype.forward = function (h) {
  return tf.relu(tf.matMul(h, this.V));
};

// `head` is whatever the callers pass: here always a Scorer, whose forward ends in a relu.
function confidence(head, h) {
  return tf.tanh(head.forward(h));
//       ~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

var scorer = new Scorer(8, 1);
var h0 = tf.randomNormal([2, 8]);
console.log(confidence(scorer, h0).dataSync());
console.log(confidence(scorer, h0.mul(2)).dataSync());
