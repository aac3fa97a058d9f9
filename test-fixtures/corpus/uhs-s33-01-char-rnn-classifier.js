// expect: unused-hidden-state
// Character-level RNN that classifies surnames by language, ported from the PyTorch "NLP from scratch" tutorial.
const tf = require('@tensorflow/tfjs');

const all_letters = "abcdefghijklmnopqrstuvwxyz .,;'";
const n_letters = all_letters.length;

const category_lines = {
  English: ['abbott', 'ashworth', 'baker', 'fletcher', 'whitaker'],
  French: ['beaumont', 'dubois', 'lefevre', 'moreau', 'rousseau'],
  Italian: ['bianchi', 'colombo', 'esposito', 'ricci', 'romano'],
  Russian: ['abramov', 'ivanov', 'kuznetsov', 'petrov', 'sokolov'],
};
const all_categories = Object.keys(category_lines);
const n_categories = all_categories.length;

function range(n) {
  return Array.from({ length: n }, (_, i) => i);
}

function random_choice(arr) {
  return arr[Math.floor(Math.random() * arr.length)];
}

// [line_length, n_letters] one-hot matrix
function line_to_tensor(line) {
  const indices = line.split('').map((ch) => Math.max(all_letters.indexOf(ch), 0));
  return tf.oneHot(tf.tensor1d(indices, 'int32'), n_letters).toFloat();
}

class RNN {
  constructor(input_size, hidden_size, output_size) {
    const self = this;
    self.hidden_size = hidden_size;
    self.i2h_x = tf.variable(tf.randomNormal([input_size, hidden_size], 0, 0.1));
    self.i2h_h = tf.variable(tf.randomNormal([hidden_size, hidden_size], 0, 0.1));
    self.i2h_b = tf.variable(tf.zeros([hidden_size]));
    self.h2o_w = tf.variable(tf.randomNormal([hidden_size, output_size], 0, 0.1));
    self.h2o_b = tf.variable(tf.zeros([output_size]));
  }

  forward(input, hidden) {
    const self = this;
    const from_input = tf.matMul(input, self.i2h_x);
    const from_hidden = tf.matMul(hidden, self.i2h_h);
    const new_hidden = tf.tanh(tf.add(from_input, self.i2h_b));
    const output = tf.logSoftmax(tf.add(tf.matMul(new_hidden, self.h2o_w), self.h2o_b));
    return [output, new_hidden];
  }

  init_hidden() {
    return tf.zeros([1, this.hidden_size]);
  }
}

const n_hidden = 128;
const rnn = new RNN(n_letters, n_hidden, n_categories);
const learning_rate = 0.005;
const optimizer = tf.train.sgd(learning_rate);

function train(category_tensor, line_tensor) {
  const loss = optimizer.minimize(() => {
    let hidden = rnn.init_hidden();
    let output;
    const letters = tf.unstack(line_tensor);
    for (const i of range(letters.length)) {
      [output, hidden] = rnn.forward(letters[i].expandDims(0), hidden);
    }
    // NLLLoss over the log-probabilities of the last step
    return tf.neg(tf.sum(tf.mul(category_tensor, output)));
  }, true);
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

function random_training_example() {
  const category = random_choice(all_categories);
  const line = random_choice(category_lines[category]);
  const category_tensor = tf.tidy(() =>
    tf.oneHot(tf.tensor1d([all_categories.indexOf(category)], 'int32'), n_categories).toFloat());
  const line_tensor = line_to_tensor(line);
  return [category, line, category_tensor, line_tensor];
}

function evaluate(line) {
  return tf.tidy(() => {
    const line_tensor = line_to_tensor(line);
    let hidden = rnn.init_hidden();
    let output;
    for (const row of tf.unstack(line_tensor)) {
      [output, hidden] = rnn.forward(row.expandDims(0), hidden);
    }
    return output.argMax(1).dataSync()[0];
  });
}

const n_iters = 2000;
const print_every = 200;
let current_loss = 0;

for (const iter of range(n_iters)) {
  const [category, line, category_tensor, line_tensor] = random_training_example();
  current_loss += train(category_tensor, line_tensor);
  tf.dispose([category_tensor, line_tensor]);
  if ((iter + 1) % print_every === 0) {
    console.log(`${iter + 1} ${(current_loss / print_every).toFixed(4)} (${line} / ${category})`);
    current_loss = 0;
  }
}

for (const name of ['dostoevsky', 'satoshi', 'jackson', 'rossi']) {
  console.log(`${name} -> ${all_categories[evaluate(name)]}`);
}
