// JavaScript that resets per sequence in other ways.
const tf = require('@tensorflow/tfjs');

const units = 8;
const W = tf.variable(tf.randomNormal([3, units]));
const U = tf.variable(tf.randomNormal([units, units]));
const stepFn = (x, h) => tf.tanh(x.matMul(W).add(h.matMul(U)));

// A fresh state per document, created by a helper.
function zeroState() {
  return tf.zeros([1, units]);
}

function summarize(documents) {
  return documents.map((doc) => {
    let state = zeroState();
    doc.tokens.forEach((token) => {
      state = stepFn(token, state);
    });
    return state;
  });
}

// A stateful GRU trained with a reset after every epoch, from fit's callback.
async function trainStateful(xs, ys) {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, 50, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  await model.fit(xs, ys, {
    epochs: 20,
    batchSize: 1,
    shuffle: false,
    callbacks: { onEpochEnd: async () => model.resetStates() },
  });
  return model;
}

// A stateful model walking the windows of ONE long series in order: carrying the state is the point.
async function forecast(model, windows) {
  model.resetStates();
  const out = [];
  for (const window of windows) {
    out.push(model.predict(window));
  }
  return out;
}

// A non-stateful layer in a loop over sequences: nothing carries over.
const plain = tf.sequential({ layers: [tf.layers.lstm({ units: 4, inputShape: [10, 3] })] });
function scoreAll(sequences) {
  return sequences.map((s) => plain.predict(s));
}

// Class with a reset() method that the per-sequence loop calls.
class StreamingGRU {
  constructor(inputDim) {
    this.cell = tf.layers.gruCell({ units });
    this.cell.build([null, inputDim]);
    this.state = tf.zeros([1, units]);
  }
  reset() {
    this.state = tf.zeros([1, units]);
  }
  feed(frame) {
    const [, next] = this.cell.call([frame, this.state], {});
    this.state = next;
    return next;
  }
}

function transcribeAll(recordings) {
  const rnn = new StreamingGRU(13);
  return recordings.map((frames) => {
    rnn.reset();
    let last = null;
    for (const frame of frames) last = rnn.feed(frame);
    return last;
  });
}

// An inline recurrence, restarted for every sequence; and one over the steps of ONE sequence twice (two ticks per input).
function inlineEncode(sequences) {
  return sequences.map((seq) => {
    let h = tf.zeros([1, units]);
    for (const x of seq) h = tf.tanh(x.matMul(W).add(h.matMul(U)));
    return h;
  });
}

function twoTicks(xs) {
  let h = tf.zeros([1, units]);
  for (let t = 0; t < xs.length; t++) {
    for (let k = 0; k < 2; k++) h = tf.tanh(xs[t].matMul(W).add(h.matMul(U)));
  }
  return h;
}

module.exports = { inlineEncode, twoTicks,  summarize, trainStateful, forecast, scoreAll, StreamingGRU, transcribeAll };

// A field advanced inline over a whole sequence, reset at the start of the method, or by a
// reset() that callers use; and a streaming method that carries it on purpose.
class InlineClassifier {
  constructor(Wx, Wh) {
    this.Wx = Wx;
    this.Wh = Wh;
    this.hidden = tf.zeros([1, units]);
  }

  classify(sequence) {
    this.hidden = tf.zeros([1, units]);
    for (const frame of sequence) {
      const next = tf.tidy(() => tf.tensor2d([frame]).matMul(this.Wx).add(this.hidden.matMul(this.Wh)).tanh());
      this.hidden.dispose();
      this.hidden = next;
    }
    return this.hidden;
  }

  reset() {
    this.memory = tf.zeros([1, units]);
  }

  score(sequence) {
    for (const frame of sequence) {
      const next = tf.tidy(() => tf.tanh(tf.tensor2d([frame]).matMul(this.Wx).add(this.memory.matMul(this.Wh))));
      this.memory = next;
    }
    return this.memory;
  }

  onFrames(frames) {
    for (const frame of frames) {
      const next = tf.tidy(() => tf.tanh(tf.tensor2d([frame]).matMul(this.Wx).add(this.stream.matMul(this.Wh))));
      this.stream = next;
    }
    return this.stream;
  }
}

function scoreAll(clf, sequences) {
  return sequences.map((s) => {
    clf.reset();
    return clf.score(s);
  });
}

module.exports.InlineClassifier = InlineClassifier;
module.exports.scoreAll = scoreAll;

// A stateful model fed each review in chunks and reset between reviews.
function buildChunkScorer() {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, 50, 4] }));
  return m;
}

async function scoreChunked(reviews) {
  const m = buildChunkScorer();
  const out = [];
  for (const review of reviews) {
    m.resetStates();
    let y;
    for (const chunk of review.chunks) y = m.predict(chunk);
    out.push(y);
  }
  return out;
}

module.exports.scoreChunked = scoreChunked;
