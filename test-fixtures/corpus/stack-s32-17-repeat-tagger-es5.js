// expect: stacked-activation
// Sequence tagger (start / repeat / new token) with an LSTM, trained by model.fit; keeps only confident tags for review.
var tf = require('@tensorflow/tfjs');

var TOKENS = 8;
var TAGS = ['start', 'repeat', 'new'];
var LEN = 10;
var CONFIDENCE = 0.8;

function makeExample() {
  var seq = [];
  var tags = [];
  for (var t = 0; t < LEN; t++) {
    var tok = t > 0 && Math.random() < 0.35 ? seq[t - 1] : Math.floor(Math.random() * TOKENS);
    seq.push(tok);
    tags.push(t === 0 ? 0 : tok === seq[t - 1] ? 1 : 2);
  }
  return { seq: seq, tags: tags };
}

function toTensors(examples) {
  return tf.tidy(function () {
    var xs = tf.oneHot(tf.tensor2d(examples.map(function (e) { return e.seq; }), undefined, 'int32'), TOKENS);
    var ys = tf.oneHot(tf.tensor2d(examples.map(function (e) { return e.tags; }), undefined, 'int32'), TAGS.length);
    return { xs: xs.toFloat(), ys: ys.toFloat() };
  });
}

function buildTagger() {
  var model = tf.sequential();
  model.add(tf.layers.lstm({ units: 24, returnSequences: true, inputShape: [LEN, TOKENS] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: TAGS.length, activation: 'softmax' }) }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

function tagDistribution(model, xs) {
  return tf.tidy(function () {
    var raw = model.predict(xs);
    return tf.softmax(raw, -1);
  });
}

function confidentTags(model, examples) {
  var data = toTensors(examples);
  var probs = tagDistribution(model, data.xs);
  var best = probs.max(-1).arraySync();
  var ids = probs.argMax(-1).arraySync();
  tf.dispose([data.xs, data.ys, probs]);
  var kept = [];
  examples.forEach(function (ex, i) {
    for (var t = 0; t < LEN; t++) {
      if (best[i][t] >= CONFIDENCE) {
        kept.push({ example: i, step: t, token: ex.seq[t], tag: TAGS[ids[i][t]] });
      }
    }
  });
  return kept;
}

function train(model, epochs) {
  var trainSet = [];
  for (var i = 0; i < 600; i++) trainSet.push(makeExample());
  var data = toTensors(trainSet);
  var bestLoss = Infinity;
  return model.fit(data.xs, data.ys, {
    epochs: epochs,
    batchSize: 32,
    validationSplit: 0.15,
    verbose: 0,
    callbacks: {
      onEpochEnd: function (epoch, logs) {
        if (logs.val_loss < bestLoss) bestLoss = logs.val_loss;
        console.log('epoch ' + (epoch + 1) + ' loss=' + logs.loss.toFixed(4) + ' val_acc=' + logs.val_acc.toFixed(3));
      },
    },
  }).then(function () {
    tf.dispose([data.xs, data.ys]);
    return bestLoss;
  });
}

module.exports = { buildTagger: buildTagger, train: train, confidentTags: confidentTags, tagDistribution: tagDistribution, makeExample: makeExample, toTensors: toTensors };

if (require.main === module) {
  var model = buildTagger();
  train(model, 12).then(function (bestLoss) {
    var probe = [];
    for (var i = 0; i < 20; i++) probe.push(makeExample());
    var kept = confidentTags(model, probe);
    console.log('best val loss ' + bestLoss.toFixed(4) + ', confident tags: ' + kept.length + ' of ' + probe.length * LEN);
  });
}
