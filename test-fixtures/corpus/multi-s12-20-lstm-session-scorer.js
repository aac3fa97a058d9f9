// expect: returns-input-state, state-leak
// Scores user click sessions with an LSTM next-event predictor (weights come from a Keras model export, random here for the demo).
var tf = require('@tensorflow/tfjs');

var EVENTS = ['view', 'click', 'add_to_cart', 'checkout', 'logout'];
var UNITS = 16;

function randomWeights(seed) {
  return {
    kernel: tf.randomNormal([EVENTS.length, 4 * UNITS], 0, 0.3, 'float32', seed),
    recurrent_kernel: tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', seed + 1),
    bias: tf.zeros([4 * UNITS]),
    dense_w: tf.randomNormal([UNITS, EVENTS.length], 0, 0.3, 'float32', seed + 2),
    dense_b: tf.zeros([EVENTS.length])
  };
}

function createScorer(weights) {
  var h = tf.zeros([1, UNITS]);
  var c = tf.zeros([1, UNITS]);

  // keras LSTM cell, gate order i, f, c, o
  function lstmStep(x, state) {
    return tf.tidy(function () {
      var z = tf.matMul(x, weights.kernel).add(tf.matMul(state.h, weights.recurrent_kernel)).add(weights.bias);
      var parts = tf.split(z, 4, 1);
      var i = tf.sigmoid(parts[0]);
      var f = tf.sigmoid(parts[1]);
      var cc = f.mul(state.c).add(i.mul(tf.tanh(parts[2])));
      var o = tf.sigmoid(parts[3]);
      var hNew = o.mul(tf.tanh(cc));
      return { h: hNew, c: state.c };
    });
  }

  function predictNext() {
    return tf.tidy(function () {
      return tf.softmax(tf.matMul(h, weights.dense_w).add(weights.dense_b));
    });
  }

  // average negative log-likelihood of each event given the ones before it
  function scoreSession(session) {
    var nll = 0;
    for (var t = 0; t < session.length; t++) {
      var id = EVENTS.indexOf(session[t]);
      if (t > 0) {
        var probs = predictNext();
        nll -= Math.log(probs.dataSync()[id] + 1e-9);
        probs.dispose();
      }
      var x = tf.oneHot(tf.tensor1d([id], 'int32'), EVENTS.length).toFloat();
      var next = lstmStep(x, { h: h, c: c });
      x.dispose();
      if (next.h !== h) h.dispose();
      h = next.h;
      c = next.c;
    }
    return nll / Math.max(1, session.length - 1);
  }

  function peek() {
    return { h: Array.prototype.slice.call(h.dataSync()), c: Array.prototype.slice.call(c.dataSync()) };
  }

  return { scoreSession: scoreSession, peek: peek };
}

function scoreAll(sessions, weights) {
  var scorer = createScorer(weights);
  return sessions.map(function (s) {
    return { session: s.join(' > '), score: scorer.scoreSession(s) };
  });
}

module.exports = { createScorer: createScorer, scoreAll: scoreAll, randomWeights: randomWeights, EVENTS: EVENTS };

if (require.main === module) {
  var sessions = [
    ['view', 'click', 'add_to_cart', 'checkout'],
    ['view', 'view', 'logout'],
    ['click', 'click', 'click', 'logout'],
    ['view', 'click', 'add_to_cart', 'checkout']
  ];
  scoreAll(sessions, randomWeights(42)).forEach(function (r) {
    console.log(r.score.toFixed(4), r.session);
  });
}
