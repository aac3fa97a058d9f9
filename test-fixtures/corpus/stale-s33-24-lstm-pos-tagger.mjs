// expect: stale-state
// Part-of-speech tagger with a hand-written LSTM, ported from the PyTorch "Sequence Models and LSTM Networks" tutorial.
import * as tf from '@tensorflow/tfjs';

const training_data = [
  ['The dog ate the apple'.split(' '), ['DET', 'NN', 'V', 'DET', 'NN']],
  ['Everybody read that book'.split(' '), ['NN', 'V', 'DET', 'NN']],
];

const word_to_ix = {};
for (const [sent] of training_data) {
  for (const word of sent) {
    if (!(word in word_to_ix)) word_to_ix[word] = Object.keys(word_to_ix).length;
  }
}
const tag_to_ix = { DET: 0, NN: 1, V: 2 };
const ix_to_tag = Object.fromEntries(Object.entries(tag_to_ix).map(([k, v]) => [v, k]));

const EMBEDDING_DIM = 6;
const HIDDEN_DIM = 6;
const range = (n) => Array.from({ length: n }, (_, i) => i);

const prepare_sequence = (seq, to_ix) => tf.tensor1d(seq.map((w) => to_ix[w]), 'int32');

class LSTMTagger {
  constructor(embedding_dim, hidden_dim, vocab_size, tagset_size) {
    const self = this;
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.3));
    self.hidden_dim = hidden_dim;
    self.word_embeddings = init([vocab_size, embedding_dim]);
    self.weight_ih = init([embedding_dim, 4 * hidden_dim]);
    self.weight_hh = init([hidden_dim, 4 * hidden_dim]);
    self.bias = tf.variable(tf.zeros([4 * hidden_dim]));
    self.hidden2tag_w = init([hidden_dim, tagset_size]);
    self.hidden2tag_b = tf.variable(tf.zeros([tagset_size]));
  }

  init_hidden() {
    return [tf.zeros([1, this.hidden_dim]), tf.zeros([1, this.hidden_dim])];
  }

  lstm(x, [h, c]) {
    const self = this;
    const gates = tf.matMul(x, self.weight_ih).add(tf.matMul(h, self.weight_hh)).add(self.bias);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const c_next = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const h_next = tf.sigmoid(o).mul(tf.tanh(c_next));
    return [h_next, [h_next, c_next]];
  }

  forward(sentence) {
    const self = this;
    const embeds = tf.gather(self.word_embeddings, sentence);
    const hidden = self.init_hidden();
    const lstm_out = tf.unstack(embeds).map((x) => self.lstm(x.expandDims(0), hidden)[0]);
    const tag_space = tf.matMul(tf.concat(lstm_out, 0), self.hidden2tag_w).add(self.hidden2tag_b);
    return tf.logSoftmax(tag_space);
  }
}

const model = new LSTMTagger(
  EMBEDDING_DIM, HIDDEN_DIM, Object.keys(word_to_ix).length, Object.keys(tag_to_ix).length);
const optimizer = tf.train.sgd(0.1);

// nn.NLLLoss on log-probabilities
const nll_loss = (log_probs, targets) =>
  tf.neg(tf.mean(tf.sum(tf.mul(log_probs, tf.oneHot(targets, log_probs.shape[1]).toFloat()), 1)));

const tag_sentence = (words) => tf.tidy(() => {
  const tag_scores = model.forward(prepare_sequence(words, word_to_ix));
  return Array.from(tag_scores.argMax(1).dataSync()).map((i) => ix_to_tag[i]);
});

console.log('before training:', tag_sentence(training_data[0][0]));

for (const epoch of range(300)) {
  for (const [sentence, tags] of training_data) {
    const sentence_in = prepare_sequence(sentence, word_to_ix);
    const targets = prepare_sequence(tags, tag_to_ix);
    optimizer.minimize(() => nll_loss(model.forward(sentence_in), targets));
    tf.dispose([sentence_in, targets]);
  }
}

console.log('after training: ', tag_sentence(training_data[0][0]));
console.log('unseen order:   ', tag_sentence(['The', 'dog', 'read', 'that', 'apple']));
