// expect: unused-hidden-state
// Elman RNN from my old numpy homework, rewritten for tfjs so the next-char demo runs in node.
var tf = require('@tensorflow/tfjs');

function ElmanRNN(input_size, hidden_size, output_size) {
  this.input_size = input_size;
  this.hidden_size = hidden_size;
  // same init as np.random.randn(...) * 0.01
  this.Wxh = tf.variable(tf.randomNormal([input_size, hidden_size]).mul(0.01));
  this.Whh = tf.variable(tf.randomNormal([hidden_size, hidden_size]).mul(0.01));
  this.Why = tf.variable(tf.randomNormal([hidden_size, output_size]).mul(0.01));
  this.bh = tf.variable(tf.zeros([hidden_size]));
  this.by = tf.variable(tf.zeros([output_size]));
}

ElmanRNN.prototype.init_hidden = function (batch_size) {
  return tf.zeros([batch_size || 1, this.hidden_size]);
};

// h = tanh(x @ Wxh + h_prev @ Whh + bh); y = h @ Why + by
ElmanRNN.prototype.step = function (x, h_prev) {
  var pre = tf.matMul(x, this.Wxh).add(this.bh);
  if (h_prev != null) {
    pre.add(tf.matMul(h_prev, this.Whh));
  }
  var h = tf.tanh(pre);
  var y = tf.matMul(h, this.Why).add(this.by);
  return [y, h];
};

ElmanRNN.prototype.forward = function (xs, h0) {
  var h = h0;
  var ys = [];
  for (var t = 0; t < xs.length; t++) {
    var res = this.step(xs[t], h);
    ys.push(res[0]);
    h = res[1];
  }
  return { ys: ys, h: h };
};

function encode(text, chars) {
  var ids = [];
  for (var i = 0; i < text.length; i++) ids.push(chars.indexOf(text[i]));
  return ids;
}

function oneHotRow(id, vocab) {
  return tf.oneHot(tf.tensor1d([id], 'int32'), vocab).toFloat();
}

function trainDemo() {
  var text = 'hello world, hello tensorflow, hello rnn. ';
  var chars = [];
  for (var i = 0; i < text.length; i++) if (chars.indexOf(text[i]) < 0) chars.push(text[i]);
  var vocab = chars.length;
  var seq_length = 8;
  var ids = encode(text, chars);

  var net = new ElmanRNN(vocab, 24, vocab);
  var opt = tf.train.adam(0.05);

  for (var epoch = 0; epoch < 15; epoch++) {
    var total = 0;
    for (var p = 0; p + seq_length + 1 < ids.length; p += seq_length) {
      var inputs = ids.slice(p, p + seq_length);
      var targets = ids.slice(p + 1, p + seq_length + 1);
      var cost = opt.minimize(function () {
        var xs = inputs.map(function (id) { return oneHotRow(id, vocab); });
        var out = net.forward(xs, net.init_hidden(1));
        var logits = tf.concat(out.ys, 0);
        var labels = tf.oneHot(tf.tensor1d(targets, 'int32'), vocab);
        return tf.losses.softmaxCrossEntropy(labels, logits);
      }, true);
      total += cost.dataSync()[0];
      cost.dispose();
    }
    if (epoch % 5 === 0) console.log('epoch', epoch, 'loss', total.toFixed(3));
  }
  return { net: net, chars: chars };
}

module.exports = { ElmanRNN: ElmanRNN, trainDemo: trainDemo };

if (require.main === module) {
  trainDemo();
}
