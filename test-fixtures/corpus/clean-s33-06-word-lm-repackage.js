// expect: none
// Word-level LSTM language model with truncated BPTT, following the structure of the PyTorch word_language_model example.
const tf = require('@tensorflow/tfjs');

const args = { emsize: 32, nhid: 64, bptt: 16, batch_size: 4, lr: 0.005, epochs: 3, dropout: 0.2 };

function range(start, stop, step = 1) {
  if (stop === undefined) [start, stop] = [0, start];
  return Array.from({ length: Math.max(0, Math.ceil((stop - start) / step)) }, (_, k) => start + k * step);
}

class Dictionary {
  constructor() {
    this.word2idx = new Map();
    this.idx2word = [];
  }

  add_word(word) {
    if (!this.word2idx.has(word)) this.word2idx.set(word, this.idx2word.push(word) - 1);
    return this.word2idx.get(word);
  }
}

// [nbatch, bsz]: column j is the j-th contiguous slice of the corpus
function batchify(ids, bsz) {
  const nbatch = Math.floor(ids.length / bsz);
  return tf.tensor2d(ids.slice(0, nbatch * bsz), [bsz, nbatch], 'int32').transpose();
}

function get_batch(source, i) {
  const seq_len = Math.min(args.bptt, source.shape[0] - 1 - i);
  return [source.slice([i, 0], [seq_len, -1]), source.slice([i + 1, 0], [seq_len, -1])];
}

// counterpart of h.detach(): fresh tensors with no history from the previous window
function repackage_hidden(h) {
  if (h instanceof tf.Tensor) return h.clone();
  return h.map(repackage_hidden);
}

class RNNModel {
  constructor(ntoken, ninp, nhid) {
    const self = this;
    const init = (shape) => tf.variable(tf.randomUniform(shape, -0.1, 0.1));
    self.ntoken = ntoken;
    self.nhid = nhid;
    self.training = true;
    self.encoder = init([ntoken, ninp]);
    self.W_ih = init([ninp, 4 * nhid]);
    self.W_hh = init([nhid, 4 * nhid]);
    self.bias = tf.variable(tf.zeros([4 * nhid]));
    self.decoder_w = init([nhid, ntoken]);
    self.decoder_b = tf.variable(tf.zeros([ntoken]));
  }

  train() { this.training = true; }
  eval() { this.training = false; }
  init_hidden(bsz) { return [tf.zeros([bsz, this.nhid]), tf.zeros([bsz, this.nhid])]; }

  forward(input, hidden) {
    const self = this;
    let [h, c] = hidden;
    const outputs = [];
    for (const ids_t of tf.unstack(input)) {
      let emb = tf.gather(self.encoder, ids_t);
      if (self.training) emb = tf.dropout(emb, args.dropout);
      const gates = tf.matMul(emb, self.W_ih).add(tf.matMul(h, self.W_hh)).add(self.bias);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      h = tf.sigmoid(o).mul(tf.tanh(c));
      outputs.push(h);
    }
    const decoded = tf.matMul(tf.concat(outputs, 0), self.decoder_w).add(self.decoder_b);
    return [decoded, [h, c]];
  }
}

const criterion = (logits, targets, ntoken) =>
  tf.losses.softmaxCrossEntropy(tf.oneHot(targets.reshape([-1]), ntoken).toFloat(), logits);

function train_epoch(model, optimizer, train_data, epoch) {
  model.train();
  let total_loss = 0;
  // The corpus is one continuous stream, so the state is carried from one bptt
  // window into the next; gradients stop at the window boundary (truncated BPTT).
  let hidden = model.init_hidden(args.batch_size);
  for (const [batch, i] of range(0, train_data.shape[0] - 1, args.bptt).entries()) {
    const [data, targets] = get_batch(train_data, i);
    let last_hidden = null;
    const loss = optimizer.minimize(() => {
      const [output, new_hidden] = model.forward(data, hidden);
      last_hidden = new_hidden.map((t) => tf.keep(t));
      return criterion(output, targets, model.ntoken);
    }, true);
    tf.dispose(hidden);
    hidden = repackage_hidden(last_hidden);
    tf.dispose([last_hidden, data, targets]);
    total_loss += loss.dataSync()[0];
    loss.dispose();
    if ((batch + 1) % 10 === 0) {
      console.log(`| epoch ${epoch} | batch ${batch + 1} | loss ${(total_loss / 10).toFixed(3)}`);
      total_loss = 0;
    }
  }
  tf.dispose(hidden);
}

function evaluate(model, data_source) {
  model.eval();
  let total_loss = 0;
  let hidden = model.init_hidden(args.batch_size);
  for (const i of range(0, data_source.shape[0] - 1, args.bptt)) {
    const [data, targets] = get_batch(data_source, i);
    const [loss, next_hidden] = tf.tidy(() => {
      const [output, h] = model.forward(data, hidden);
      return [criterion(output, targets, model.ntoken), h];
    });
    total_loss += data.shape[0] * loss.dataSync()[0];
    tf.dispose([hidden, loss, data, targets]);
    hidden = next_hidden;
  }
  tf.dispose(hidden);
  return total_loss / (data_source.shape[0] - 1);
}

const text = 'the cat sat on the mat . the dog sat on the log . a cat saw a dog on the mat . '.repeat(40);
const dictionary = new Dictionary();
const ids = text.split(/\s+/).filter(Boolean).map((w) => dictionary.add_word(w));
const split = Math.floor(ids.length * 0.8);
const train_data = batchify(ids.slice(0, split), args.batch_size);
const val_data = batchify(ids.slice(split), args.batch_size);

const model = new RNNModel(dictionary.idx2word.length, args.emsize, args.nhid);
const optimizer = tf.train.adam(args.lr);
for (const epoch of range(1, args.epochs + 1)) {
  train_epoch(model, optimizer, train_data, epoch);
  const val_loss = evaluate(model, val_data);
  console.log(`| end of epoch ${epoch} | valid loss ${val_loss.toFixed(3)} | valid ppl ${Math.exp(val_loss).toFixed(2)}`);
}
