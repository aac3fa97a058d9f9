// expect: stale-state
// Greedy decoding for a small English->French vanilla-RNN seq2seq model, ported from the PyTorch translation tutorial.
import * as tf from '@tensorflow/tfjs';

const SOS_token = 0;
const EOS_token = 1;
const MAX_LENGTH = 10;

const range = (n) => Array.from({ length: n }, (_, i) => i);

class Lang {
  constructor(name) {
    this.name = name;
    this.word2index = {};
    this.index2word = { [SOS_token]: 'SOS', [EOS_token]: 'EOS' };
    this.n_words = 2;
  }

  add_sentence(sentence) {
    for (const word of sentence.split(' ')) this.add_word(word);
  }

  add_word(word) {
    if (!(word in this.word2index)) {
      this.word2index[word] = this.n_words;
      this.index2word[this.n_words] = word;
      this.n_words += 1;
    }
  }
}

function Linear(in_features, out_features) {
  const W = tf.variable(tf.randomNormal([in_features, out_features], 0, 0.1));
  const b = tf.variable(tf.zeros([out_features]));
  return (x) => tf.add(tf.matMul(x, W), b);
}

class EncoderRNN {
  constructor(input_size, hidden_size) {
    const self = this;
    self.hidden_size = hidden_size;
    self.embedding = tf.variable(tf.randomNormal([input_size, hidden_size], 0, 0.1));
    self.i2h = Linear(hidden_size, hidden_size);
    self.h2h = Linear(hidden_size, hidden_size);
  }

  forward(input, hidden) {
    const self = this;
    const embedded = tf.gather(self.embedding, [input]);
    const output = tf.tanh(tf.add(self.i2h(embedded), self.h2h(hidden)));
    return [output, output];
  }

  init_hidden() {
    return tf.zeros([1, this.hidden_size]);
  }
}

class DecoderRNN {
  constructor(hidden_size, output_size) {
    const self = this;
    self.hidden_size = hidden_size;
    self.embedding = tf.variable(tf.randomNormal([output_size, hidden_size], 0, 0.1));
    self.i2h = Linear(hidden_size, hidden_size);
    self.h2h = Linear(hidden_size, hidden_size);
    self.out = Linear(hidden_size, output_size);
  }

  forward(input, hidden) {
    const self = this;
    const embedded = tf.relu(tf.gather(self.embedding, [input]));
    const h_new = tf.tanh(tf.add(self.i2h(embedded), self.h2h(hidden)));
    const output = tf.logSoftmax(self.out(h_new));
    return [output, h_new];
  }
}

const pairs = [
  ['i am cold', 'j ai froid'],
  ['she is happy', 'elle est heureuse'],
  ['we are tired', 'nous sommes fatigues'],
  ['he is tall', 'il est grand'],
  ['you are late', 'vous etes en retard'],
];

const input_lang = new Lang('eng');
const output_lang = new Lang('fra');
for (const [src, tgt] of pairs) {
  input_lang.add_sentence(src);
  output_lang.add_sentence(tgt);
}

function evaluate(encoder, decoder, sentence, max_length = MAX_LENGTH) {
  return tf.tidy(() => {
    const input_ids = [...sentence.split(' ').map((w) => input_lang.word2index[w]), EOS_token];
    let encoder_hidden = encoder.init_hidden();
    for (const ei of range(input_ids.length)) {
      [, encoder_hidden] = encoder.forward(input_ids[ei], encoder_hidden);
    }

    let decoder_input = SOS_token;
    let decoder_hidden = encoder_hidden;
    const decoded_words = [];
    for (const di of range(max_length)) {
      const [decoder_output, next_hidden] = decoder.forward(decoder_input, decoder_hidden);
      const topi = decoder_output.argMax(1).dataSync()[0];
      if (topi === EOS_token) {
        decoded_words.push('<EOS>');
        break;
      }
      decoded_words.push(output_lang.index2word[topi]);
      decoder_input = topi;
    }
    return decoded_words;
  });
}

function evaluate_randomly(encoder, decoder, n = 5) {
  for (const i of range(n)) {
    const [src, tgt] = pairs[Math.floor(Math.random() * pairs.length)];
    console.log('>', src);
    console.log('=', tgt);
    console.log('<', evaluate(encoder, decoder, src).join(' '));
    console.log('');
  }
}

const hidden_size = 64;
const encoder1 = new EncoderRNN(input_lang.n_words, hidden_size);
const decoder1 = new DecoderRNN(hidden_size, output_lang.n_words);
evaluate_randomly(encoder1, decoder1);
