// expect: returns-input-state
// Background job runner: summarises each queued telemetry trace into a fixed-size LSTM embedding.
var tf = require('@tensorflow/tfjs');

function LstmCell(inputSize, units, seed) {
  this.units = units;
  this.kernel = tf.randomNormal([inputSize, 4 * units], 0, 0.3, 'float32', seed);
  this.recurrentKernel = tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 1);
  this.bias = tf.zeros([4 * units]);
}

LstmCell.prototype.initialState = function () {
  return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
};

LstmCell.prototype.step = function (x, state) {
  var self = this;
  var h = state.h;
  var c = state.c;
  return tf.tidy(function () {
    var z = tf.add(tf.add(tf.matMul(x, self.kernel), tf.matMul(h, self.recurrentKernel)), self.bias);
    var parts = tf.split(z, 4, 1);
    var i = tf.sigmoid(parts[0]);
    var f = tf.sigmoid(parts[1]);
    var g = tf.tanh(parts[2]);
    var o = tf.sigmoid(parts[3]);
    var nextC = tf.add(tf.mul(f, c), tf.mul(i, g));
    var nextH = tf.mul(o, tf.tanh(nextC));
    return { h: nextH, c: c };
  });
};

function JobQueue(cell, concurrency) {
  this.cell = cell;
  this.concurrency = concurrency || 1;
  this.pending = [];
  this.running = 0;
}

JobQueue.prototype.push = function (job, callback) {
  this.pending.push({ job: job, callback: callback });
  this._drain();
};

JobQueue.prototype._drain = function () {
  var self = this;
  while (this.running < this.concurrency && this.pending.length > 0) {
    var item = this.pending.shift();
    this.running++;
    setImmediate(function (it) {
      var result, error = null;
      try {
        result = self._run(it.job);
      } catch (e) {
        error = e;
      }
      self.running--;
      it.callback(error, result);
      self._drain();
    }, item);
  }
};

JobQueue.prototype._run = function (job) {
  var cell = this.cell;
  var state = cell.initialState();
  for (var t = 0; t < job.samples.length; t++) {
    var x = tf.tensor2d([job.samples[t]]);
    var next = cell.step(x, state);
    x.dispose();
    state = next;
  }
  var embedding = Array.prototype.slice.call(state.h.dataSync());
  var cellNorm = tf.tidy(function () { return state.c.norm().dataSync()[0]; });
  state.h.dispose();
  state.c.dispose();
  return { id: job.id, steps: job.samples.length, embedding: embedding, cellNorm: cellNorm };
};

module.exports = { LstmCell: LstmCell, JobQueue: JobQueue };

if (require.main === module) {
  var queue = new JobQueue(new LstmCell(3, 6, 100), 2);
  var traces = [
    { id: 'trace-a', samples: [[0.1, 0.2, 0.3], [0.4, 0.1, 0.0], [0.9, 0.9, 0.1]] },
    { id: 'trace-b', samples: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]] },
  ];
  traces.forEach(function (job) {
    queue.push(job, function (err, res) {
      if (err) return console.error(job.id, 'failed', err);
      console.log(res.id, 'steps=' + res.steps, 'cellNorm=' + res.cellNorm.toFixed(4),
        'emb=' + res.embedding.map(function (v) { return v.toFixed(3); }).join(' '));
    });
  });
}
