// expect: unused-hidden-state
// Perplexity and sampling for a character LSTM over a long access log, fed in fixed-size chunks (port of a PyTorch eval script).
const tf = require('@tensorflow/tfjs');

const CHUNK = 64;
const range = (n) => [...Array(n).keys()];

class CharLSTM {
  constructor(vocab_size, hidden_size) {
    const self = this;
    const init = (shape) => tf.variable(tf.randomUniform(shape, -0.08, 0.08));
    self.vocab_size = vocab_size;
    self.hidden_size = hidden_size;
    self.embed = init([vocab_size, hidden_size]);
    self.W_ih = init([hidden_size, 4 * hidden_size]);
    self.W_hh = init([hidden_size, 4 * hidden_size]);
    self.b = tf.variable(tf.zeros([4 * hidden_size]));
    self.W_out = init([hidden_size, vocab_size]);
    self.b_out = tf.variable(tf.zeros([vocab_size]));
  }

  init_hidden(batch_size = 1) {
    return [tf.zeros([batch_size, this.hidden_size]), tf.zeros([batch_size, this.hidden_size])];
  }

  // input: int32 [seq_len, batch] -> logits [seq_len, batch, vocab], (h, c)
  forward(input, hidden) {
    const self = this;
    const [seq_len, batch_size] = input.shape;
    let [h, c] = self.init_hidden(batch_size);
    const logits = [];
    for (const t of range(seq_len)) {
      const x = tf.gather(self.embed, input.slice([t, 0], [1, batch_size]).reshape([batch_size]));
      const gates = tf.matMul(x, self.W_ih).add(tf.matMul(h, self.W_hh)).add(self.b);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      h = tf.sigmoid(o).mul(tf.tanh(c));
      logits.push(tf.matMul(h, self.W_out).add(self.b_out));
    }
    return [tf.stack(logits), [h, c]];
  }
}

function build_vocab(text) {
  const chars = [...new Set(text)].sort();
  return { stoi: new Map(chars.map((ch, i) => [ch, i])), itos: chars };
}

const as_column = (ids) => tf.tensor2d(ids.map((i) => [i]), [ids.length, 1], 'int32');

function evaluate_perplexity(model, text, vocab) {
  const ids = [...text].map((ch) => vocab.stoi.get(ch) ?? 0);
  let hidden = model.init_hidden(1);
  let total_nll = 0;
  let n_tokens = 0;
  for (let start = 0; start + 1 < ids.length; start += CHUNK) {
    const inp = ids.slice(start, Math.min(start + CHUNK, ids.length - 1));
    const tgt = ids.slice(start + 1, start + 1 + inp.length);
    const [nll, next_hidden] = tf.tidy(() => {
      const [logits, h] = model.forward(as_column(inp), hidden);
      const log_probs = tf.logSoftmax(logits.reshape([inp.length, model.vocab_size]));
      const picked = tf.mul(log_probs, tf.oneHot(tf.tensor1d(tgt, 'int32'), model.vocab_size).toFloat());
      return [tf.neg(picked.sum()), h];
    });
    total_nll += nll.dataSync()[0];
    n_tokens += inp.length;
    tf.dispose([nll, hidden]);
    hidden = next_hidden;
  }
  tf.dispose(hidden);
  return Math.exp(total_nll / n_tokens);
}

function generate(model, vocab, prime = 'GET /', length = 80, temperature = 0.8) {
  let hidden = model.init_hidden(1);
  let out = prime;
  let input_ids = [...prime].map((ch) => vocab.stoi.get(ch) ?? 0);
  for (const _ of range(length)) {
    const [next_id, next_hidden] = tf.tidy(() => {
      const [logits, h] = model.forward(as_column(input_ids), hidden);
      const last = logits.slice([input_ids.length - 1, 0, 0], [1, 1, model.vocab_size]).reshape([1, model.vocab_size]);
      return [tf.multinomial(last.div(temperature), 1), h];
    });
    const id = next_id.dataSync()[0];
    tf.dispose([next_id, hidden]);
    hidden = next_hidden;
    out += vocab.itos[id];
    input_ids = [id];
  }
  tf.dispose(hidden);
  return out;
}

const log_text = Array.from({ length: 40 }, (_, i) =>
  `GET /api/v1/items/${i % 7} 200 ${12 + (i % 5)}ms\nPOST /api/v1/cart 201 ${30 + (i % 3)}ms\n`).join('');

const vocab = build_vocab(log_text);
const model = new CharLSTM(vocab.itos.length, 64);
console.log(`vocab=${vocab.itos.length} chars=${log_text.length}`);
console.log(`perplexity: ${evaluate_perplexity(model, log_text, vocab).toFixed(2)}`);
console.log(generate(model, vocab));
