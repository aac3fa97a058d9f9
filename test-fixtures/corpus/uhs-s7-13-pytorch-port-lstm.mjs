// expect: unused-hidden-state
// Port of the PyTorch "Sequence Models and LSTM Networks" part-of-speech tagger to TensorFlow.js.
import * as tf from '@tensorflow/tfjs';

const trainingData = [
  ['The dog ate the apple'.split(' '), ['DET', 'NN', 'V', 'DET', 'NN']],
  ['Everybody read that book'.split(' '), ['NN', 'V', 'DET', 'NN']],
];

const wordToIx = {};
for (const [sent] of trainingData) {
  for (const word of sent) if (!(word in wordToIx)) wordToIx[word] = Object.keys(wordToIx).length;
}
const tagToIx = { DET: 0, NN: 1, V: 2 };

const EMBEDDING_DIM = 6;
const HIDDEN_DIM = 6;

function linearInit(inF, outF) {
  const k = 1 / Math.sqrt(inF);
  return tf.variable(tf.randomUniform([inF, outF], -k, k));
}

class LSTMTagger {
  constructor(embeddingDim, hiddenDim, vocabSize, tagsetSize) {
    this.hiddenDim = hiddenDim;
    this.wordEmbeddings = tf.variable(tf.randomNormal([vocabSize, embeddingDim]));
    // one fused matrix for the four gates, like nn.LSTMCell's weight_ih / weight_hh
    this.weightIh = linearInit(embeddingDim, 4 * hiddenDim);
    this.weightHh = linearInit(hiddenDim, 4 * hiddenDim);
    this.bias = tf.variable(tf.zeros([4 * hiddenDim]));
    this.hidden2tag = linearInit(hiddenDim, tagsetSize);
    this.hidden2tagBias = tf.variable(tf.zeros([tagsetSize]));
  }

  initHidden() {
    return [tf.zeros([1, this.hiddenDim]), tf.zeros([1, this.hiddenDim])];
  }

  // (hx, cx) = lstm_cell(input, (hx, cx))
  forward(input, [hx, cx]) {
    const gates = tf.addN([tf.matMul(input, this.weightIh), tf.matMul(hx, this.weightHh), this.bias]);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const ingate = tf.sigmoid(i);
    const forgetgate = tf.sigmoid(f);
    const cellgate = tf.tanh(g);
    const outgate = tf.sigmoid(o);
    const cy = tf.add(tf.mul(forgetgate, cellgate), tf.mul(ingate, cellgate));
    const hy = tf.mul(outgate, tf.tanh(cy));
    return [hy, cy];
  }

  tagScores(sentenceIdx) {
    const embeds = tf.gather(this.wordEmbeddings, tf.tensor1d(sentenceIdx, 'int32'));
    let state = this.initHidden();
    const outs = [];
    for (let t = 0; t < sentenceIdx.length; t++) {
      const x = embeds.slice([t, 0], [1, -1]);
      state = this.forward(x, state);
      outs.push(state[0]);
    }
    const lstmOut = tf.concat(outs, 0);
    const tagSpace = tf.add(tf.matMul(lstmOut, this.hidden2tag), this.hidden2tagBias);
    return tf.logSoftmax(tagSpace);
  }
}

function prepareSequence(seq, toIx) {
  return seq.map((w) => toIx[w]);
}

const model = new LSTMTagger(EMBEDDING_DIM, HIDDEN_DIM, Object.keys(wordToIx).length, Object.keys(tagToIx).length);
const optimizer = tf.train.sgd(0.1);

function nllLoss(logProbs, targets) {
  const picked = tf.gather(logProbs.reshape([-1]), tf.tensor1d(
    targets.map((t, r) => r * logProbs.shape[1] + t), 'int32'));
  return tf.neg(tf.mean(picked));
}

for (let epoch = 0; epoch < 300; epoch++) {
  for (const [sentence, tags] of trainingData) {
    const sentenceIn = prepareSequence(sentence, wordToIx);
    const targets = prepareSequence(tags, tagToIx);
    tf.tidy(() => {
      optimizer.minimize(() => nllLoss(model.tagScores(sentenceIn), targets));
    });
  }
}

tf.tidy(() => {
  const scores = model.tagScores(prepareSequence(trainingData[0][0], wordToIx));
  scores.argMax(1).print();
});
