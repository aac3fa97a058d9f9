// expect: returns-input-state
// Conditional character RNN that generates surnames per language, ported from the PyTorch "generating names" tutorial.
import * as tf from '@tensorflow/tfjs';

const all_letters = 'abcdefghijklmnopqrstuvwxyz';
const n_letters = all_letters.length + 1; // + EOS marker
const EOS = n_letters - 1;

const category_lines = {
  German: ['bauer', 'fischer', 'hoffmann', 'koch', 'schmidt', 'wagner'],
  Spanish: ['garcia', 'lopez', 'martinez', 'navarro', 'romero', 'torres'],
  Japanese: ['abe', 'kato', 'sato', 'suzuki', 'tanaka', 'yamamoto'],
};
const all_categories = Object.keys(category_lines);
const n_categories = all_categories.length;
const n_hidden = 128;

const range = (n) => Array.from({ length: n }, (_, i) => i);
const random_choice = (arr) => arr[Math.floor(Math.random() * arr.length)];

function Linear(in_f, out_f) {
  return {
    weight: tf.variable(tf.randomNormal([in_f, out_f], 0, 0.05)),
    bias: tf.variable(tf.zeros([out_f])),
  };
}
const linear = (layer, x) => tf.add(tf.matMul(x, layer.weight), layer.bias);

const params = {
  i2h: Linear(n_categories + n_letters + n_hidden, n_hidden),
  i2o: Linear(n_categories + n_letters + n_hidden, n_letters),
  o2o: Linear(n_hidden + n_letters, n_letters),
};

function rnn_step(category, input, hidden, training = false) {
  const input_combined = tf.concat([category, input, hidden], 1);
  const next_hidden = linear(params.i2h, input_combined);
  let output = linear(params.i2o, input_combined);
  const output_combined = tf.concat([next_hidden, output], 1);
  output = linear(params.o2o, output_combined);
  if (training) output = tf.dropout(output, 0.1);
  output = tf.logSoftmax(output);
  return [output, hidden];
}

const init_hidden = () => tf.zeros([1, n_hidden]);
const category_tensor = (category) => tf.oneHot([all_categories.indexOf(category)], n_categories).toFloat();
const letter_tensor = (idx) => tf.oneHot([idx], n_letters).toFloat();
const letter_index = (ch) => all_letters.indexOf(ch);

const optimizer = tf.train.adam(0.0005);

function train(category, line) {
  const input_ids = [...line].map(letter_index);
  const target_ids = [...input_ids.slice(1), EOS];
  const loss = optimizer.minimize(() => {
    const cat = category_tensor(category);
    let hidden = init_hidden();
    let output;
    let total = tf.scalar(0);
    for (const i of range(input_ids.length)) {
      [output, hidden] = rnn_step(cat, letter_tensor(input_ids[i]), hidden, true);
      total = total.add(tf.neg(output.gather([target_ids[i]], 1).sum()));
    }
    return total.div(input_ids.length);
  }, true);
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

function sample(category, start_letter = 'a', max_length = 20) {
  return tf.tidy(() => {
    const cat = category_tensor(category);
    let input = letter_tensor(letter_index(start_letter));
    let hidden = init_hidden();
    let output_name = start_letter;
    for (const i of range(max_length)) {
      let output;
      [output, hidden] = rnn_step(cat, input, hidden);
      const topi = output.argMax(1).dataSync()[0];
      if (topi === EOS) break;
      output_name += all_letters[topi];
      input = letter_tensor(topi);
    }
    return output_name;
  });
}

const n_iters = 3000;
const print_every = 500;
let total_loss = 0;
for (const iter of range(n_iters)) {
  const category = random_choice(all_categories);
  total_loss += train(category, random_choice(category_lines[category]));
  if ((iter + 1) % print_every === 0) {
    console.log(`iter ${iter + 1} loss ${(total_loss / print_every).toFixed(4)}`);
    total_loss = 0;
  }
}

for (const [category, start_letters] of [['German', 'gsb'], ['Spanish', 'sgt'], ['Japanese', 'kty']]) {
  for (const ch of start_letters) console.log(category, sample(category, ch));
}
