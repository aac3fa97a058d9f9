var tf = require('@tensorflow/tfjs');

function Scorer(units, seed) {
  this.V = tf.variable(tf.randomNormal([units, 1], 0, 0.1, 'float32', seed));
}

Scorer.prototype.forward = function (h) {
  return tf.relu(tf.matMul(h, this.V));
};

function Linear(units, seed) {
  this.V = tf.variable(tf.randomNormal([units, 1], 0, 0.1, 'float32', seed));
}

Linear.prototype.forward = function (h) {
  return tf.matMul(h, this.V);
};

// Callers pass heads of two classes: only one of them ends in an activation.
function confidence(head, h) {
  return tf.tanh(head.forward(h));
}

var h0 = tf.randomNormal([2, 8]);
console.log(confidence(new Linear(8, 1), h0).dataSync());
var scorer = new Scorer(8, 2);
console.log(confidence(scorer, h0).dataSync());
var linear = new Linear(8, 3);
console.log(tf.sigmoid(linear.forward(h0)).dataSync());
