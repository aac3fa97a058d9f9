// expect: none
// Jupyter cells: batched Elman encoder over padded utterances, with a padding mask and a fixed speaker vector per utterance.
var tf = require('@tensorflow/tfjs');

// --- cell 1: sizes ---
var VOCAB = 20;
var EMB = 6;
var SPK = 3;
var H = 8;

// --- cell 2: params ---
var E = tf.randomNormal([VOCAB, EMB], 0, 0.5, 'float32', 1);
var Wx = tf.randomNormal([EMB, H], 0, 0.4, 'float32', 2);
var Ws = tf.randomNormal([SPK, H], 0, 0.4, 'float32', 3);
var Wh = tf.randomNormal([H, H], 0, 0.4, 'float32', 4);

// --- cell 3: batch, padded with 0 to the longest utterance ---
var utterances = [[5, 9, 2, 7], [3, 3], [11, 4, 8], [6]];
var speakers = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]];

function pad(batch) {
  var T = Math.max.apply(null, batch.map(function (u) { return u.length; }));
  var ids = batch.map(function (u) { return u.concat(new Array(T - u.length).fill(0)); });
  var mask = batch.map(function (u) { return ids[0].map(function (_, t) { return t < u.length ? 1 : 0; }); });
  return { ids: ids, mask: mask, T: T };
}

// --- cell 4: encoder; the speaker vector and the mask go into every step ---
function step(xEmb, h, speaker) {
  return tf.tanh(tf.matMul(xEmb, Wx).add(tf.matMul(speaker, Ws)).add(tf.matMul(h, Wh)));
}

function encodeBatch(batch, spk) {
  var p = pad(batch);
  return tf.tidy(function () {
    var ids = tf.tensor2d(p.ids, undefined, 'int32');
    var mask = tf.tensor2d(p.mask);
    var speaker = tf.tensor2d(spk);
    var h = tf.zeros([batch.length, H]);
    for (var t = 0; t < p.T; t++) {
      var xEmb = tf.gather(E, ids.slice([0, t], [-1, 1]).reshape([-1]));
      var m = mask.slice([0, t], [-1, 1]);
      var hNew = step(xEmb, h, speaker);
      // padded positions keep the previous state
      h = m.mul(hNew).add(tf.sub(1, m).mul(h));
    }
    return h;
  });
}

// --- cell 5: encode the batch ---
var encoded = encodeBatch(utterances, speakers);
console.table(encoded.arraySync().map(function (row, i) {
  return { utt: i, len: utterances[i].length, h0: +row[0].toFixed(3), h1: +row[1].toFixed(3), norm: +Math.hypot.apply(null, row).toFixed(3) };
}));

// --- cell 6: padding check, each utterance alone should match its row in the batch ---
var diffs = utterances.map(function (u, i) {
  var alone = encodeBatch([u], [speakers[i]]);
  var d = tf.tidy(function () { return alone.sub(encoded.slice([i, 0], [1, -1])).abs().max().dataSync()[0]; });
  alone.dispose();
  return { utt: i, maxAbsDiff: d };
});
console.table(diffs);
encoded.dispose();
console.log('tensors alive:', tf.memory().numTensors);
