// expect: unused-hidden-state
// Classifies surnames as Italian or Japanese by feeding them letter by letter through a small RNN.
var tf = require('@tensorflow/tfjs');

var LETTERS = 'abcdefghijklmnopqrstuvwxyz';
var LANGS = ['italian', 'japanese'];
var DATA = [
  ['rossi', 0], ['bianchi', 0], ['romano', 0], ['colombo', 0], ['ricci', 0], ['marino', 0],
  ['greco', 0], ['bruno', 0], ['gallo', 0], ['conti', 0], ['esposito', 0], ['ferrari', 0],
  ['sato', 1], ['suzuki', 1], ['takahashi', 1], ['tanaka', 1], ['watanabe', 1], ['ito', 1],
  ['yamamoto', 1], ['nakamura', 1], ['kobayashi', 1], ['kato', 1], ['yoshida', 1], ['yamada', 1]
];

function letterTensor(ch) {
  return tf.oneHot(tf.tensor1d([LETTERS.indexOf(ch)], 'int32'), LETTERS.length).toFloat();
}

function NameRNN(hiddenSize, outputSize) {
  this.hiddenSize = hiddenSize;
  this.i2h = tf.layers.dense({ units: hiddenSize, activation: 'tanh', name: 'i2h' });
  this.h2o = tf.layers.dense({ units: outputSize, name: 'h2o' });
}

NameRNN.prototype.initHidden = function () {
  return tf.zeros([1, this.hiddenSize]);
};

NameRNN.prototype.forward = function (input, hidden) {
  var combined = tf.concat([input, hidden], 1);
  var nextHidden = this.i2h.apply(input);
  var logits = this.h2o.apply(nextHidden);
  return { logits: logits, hidden: nextHidden };
};

NameRNN.prototype.run = function (name) {
  var hidden = this.initHidden();
  var logits = null;
  for (var i = 0; i < name.length; i++) {
    var step = this.forward(letterTensor(name[i]), hidden);
    hidden = step.hidden;
    logits = step.logits;
  }
  return logits;
};

NameRNN.prototype.weights = function () {
  return this.i2h.trainableWeights.concat(this.h2o.trainableWeights).map(function (w) {
    return w.read();
  });
};

function train(net, epochs) {
  var optimizer = tf.train.sgd(0.1);
  tf.tidy(function () { net.run('a'); }); // builds the dense layers
  for (var e = 0; e < epochs; e++) {
    var total = 0;
    DATA.forEach(function (pair) {
      var cost = optimizer.minimize(function () {
        var logits = net.run(pair[0]);
        var target = tf.oneHot(tf.tensor1d([pair[1]], 'int32'), LANGS.length);
        return tf.losses.softmaxCrossEntropy(target, logits);
      }, true, net.weights());
      total += cost.dataSync()[0];
      cost.dispose();
    });
    if (e % 10 === 0) console.log('epoch', e, 'loss', (total / DATA.length).toFixed(4));
  }
}

function classify(net, name) {
  return tf.tidy(function () {
    var probs = tf.softmax(net.run(name)).dataSync();
    return LANGS[probs[0] > probs[1] ? 0 : 1] + ' ' + Math.max(probs[0], probs[1]).toFixed(2);
  });
}

var net = new NameRNN(32, LANGS.length);
train(net, 40);
['moretti', 'fujita', 'rinaldi', 'matsumoto'].forEach(function (n) {
  console.log(n, '->', classify(net, n));
});
