// A scorer that keeps h and c in its closure and passes them to the step as one object.
var tf = require('@tensorflow/tfjs');

function createScorer(weights) {
  var h = tf.zeros([1, 16]);
  var c = tf.zeros([1, 16]);

  function lstmStep(x, state) {
    var z = tf.matMul(x, weights.kernel).add(tf.matMul(state.h, weights.recurrentKernel));
    var parts = tf.split(z, 4, 1);
    var cNew = tf.sigmoid(parts[1]).mul(state.c).add(tf.sigmoid(parts[0]).mul(tf.tanh(parts[2])));
    return { h: tf.sigmoid(parts[3]).mul(tf.tanh(cNew)), c: cNew };
  }

  function scoreSession(events) {
    var total = 0;
    for (var t = 0; t < events.length; t++) {
      var next = lstmStep(events[t], { h: h, c: c });
      //                                  ~ state-leak
      //                                        ~ state-leak
      h = next.h;
      c = next.c;
      total += h.sum().dataSync()[0];
    }
    return total;
  }

  return { scoreSession: scoreSession };
}

module.exports = { createScorer: createScorer };
