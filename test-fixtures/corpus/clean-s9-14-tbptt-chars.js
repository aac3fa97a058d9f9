// expect: none
// char-level RNN trained on one long string, 16 chars at a time, hidden state handed from chunk to chunk
var tf = require('@tensorflow/tfjs');

var text = '';
for (var rep = 0; rep < 6; rep++) text += 'to be or not to be that is the question ';
var chars = Array.from(new Set(text.split(''))).sort();
var V = chars.length;
var H = 24;
var CHUNK = 16;
var EPOCHS = 8;

function rand(shape) { return tf.variable(tf.randomNormal(shape, 0, 0.1)); }
var params = {
  Wxh: rand([V, H]), Whh: rand([H, H]), bh: tf.variable(tf.zeros([H])),
  Why: rand([H, V]), by: tf.variable(tf.zeros([V]))
};
var optimizer = tf.train.adam(0.01);

function stepRNN(x, h) {
  return tf.tanh(tf.matMul(x, params.Wxh).add(tf.matMul(h, params.Whh)).add(params.bh));
}

function encodeChars(s) {
  return s.split('').map(function (c) { return chars.indexOf(c); });
}

function trainChunk(inputs, targets, hStart) {
  var hEnd = null;
  var loss = optimizer.minimize(function () {
    var h = hStart;
    var logitsList = [];
    for (var t = 0; t < inputs.length; t++) {
      var x = tf.oneHot(tf.tensor1d([inputs[t]], 'int32'), V).toFloat();
      h = stepRNN(x, h);
      logitsList.push(tf.matMul(h, params.Why).add(params.by));
    }
    hEnd = tf.keep(h);
    var logits = tf.concat(logitsList, 0);
    var labels = tf.oneHot(tf.tensor1d(targets, 'int32'), V).toFloat();
    return tf.losses.softmaxCrossEntropy(labels, logits);
  }, true);
  var l = loss.dataSync()[0];
  loss.dispose();
  return { loss: l, h: hEnd };
}

async function trainAll() {
  var ids = encodeChars(text);
  for (var epoch = 0; epoch < EPOCHS; epoch++) {
    var hCarry = tf.zeros([1, H]); // new pass over the text starts from a blank state
    var total = 0;
    var n = 0;
    for (var start = 0; start + CHUNK + 1 <= ids.length; start += CHUNK) {
      var res = trainChunk(ids.slice(start, start + CHUNK), ids.slice(start + 1, start + CHUNK + 1), hCarry);
      // truncated BPTT: the next chunk starts from this chunk's final state, but as a fresh constant,
      // so backprop stops at the chunk boundary on purpose (keeps each step's graph 16 steps long)
      var detached = tf.tensor(res.h.dataSync(), res.h.shape);
      res.h.dispose();
      hCarry.dispose();
      hCarry = detached;
      total += res.loss;
      n++;
    }
    hCarry.dispose();
    console.log('epoch ' + epoch + ' avg loss ' + (total / n).toFixed(4) + ' tensors ' + tf.memory().numTensors);
    await tf.nextFrame();
  }
}

function sample(seedChar, len) {
  return tf.tidy(function () {
    var h = tf.zeros([1, H]);
    var idx = chars.indexOf(seedChar);
    var out = seedChar;
    for (var i = 0; i < len; i++) {
      h = stepRNN(tf.oneHot(tf.tensor1d([idx], 'int32'), V).toFloat(), h);
      idx = tf.matMul(h, params.Why).add(params.by).argMax(1).dataSync()[0];
      out += chars[idx];
    }
    return out;
  });
}

trainAll().then(function () {
  console.log('sample:', JSON.stringify(sample('t', 40)));
});
