// expect: stale-state
// char-rnn generator (after the spro/char-rnn.pytorch generate.py script): prime with a string, then sample with temperature.
const tf = require('@tensorflow/tfjs');

class CharRNN {
  constructor(n_chars, hidden_size) {
    this.n_chars = n_chars;
    this.hidden_size = hidden_size;
    this.encoder = tf.layers.embedding({ inputDim: n_chars, outputDim: hidden_size });
    this.cell = tf.layers.dense({ units: hidden_size, activation: 'tanh' });
    this.decoder = tf.layers.dense({ units: n_chars });
  }

  // input: int32 [batch], hidden: [batch, hidden_size]
  forward(input, hidden) {
    const emb = this.encoder.apply(input.expandDims(1)).squeeze([1]);
    const h = this.cell.apply(tf.concat([emb, hidden], 1));
    const output = this.decoder.apply(h);
    return { output, hidden: h };
  }

  initHidden(batch_size = 1) {
    return tf.zeros([batch_size, this.hidden_size]);
  }
}

function charTensor(all_characters, ch) {
  return tf.tensor1d([Math.max(0, all_characters.indexOf(ch))], 'int32');
}

// output_dist = output.data.view(-1).div(temperature).exp(); top_i = torch.multinomial(output_dist, 1)[0]
function sampleIndex(output, temperature) {
  return tf.tidy(() => tf.multinomial(output.div(temperature), 1).dataSync()[0]);
}

function generate(decoder, all_characters, prime_str = 'A', predict_len = 100, temperature = 0.8) {
  let hidden = decoder.initHidden(1);
  let prime_input = charTensor(all_characters, prime_str[0]);
  let predicted = prime_str;

  // Use priming string to "build up" hidden state
  for (let p = 1; p < prime_str.length; p++) {
    const res = decoder.forward(prime_input, hidden);
    hidden = res.hidden;
    prime_input = charTensor(all_characters, prime_str[p]);
  }
  let inp = prime_input;

  for (let p = 0; p < predict_len; p++) {
    const { output } = decoder.forward(inp, hidden);
    // Sample from the network as a multinomial distribution
    const top_i = sampleIndex(output, temperature);
    // Add predicted character to string and use as next input
    const predicted_char = all_characters[top_i];
    predicted += predicted_char;
    inp = charTensor(all_characters, predicted_char);
  }
  return predicted;
}

function train(decoder, all_characters, text, { chunk_len = 12, n_epochs = 40, lr = 0.01 } = {}) {
  const optimizer = tf.train.adam(lr);
  // build the layers once so their variables exist before minimize() looks for them
  tf.tidy(() => { decoder.forward(charTensor(all_characters, text[0]), decoder.initHidden(1)); });
  for (let epoch = 1; epoch <= n_epochs; epoch++) {
    const start = Math.floor(Math.random() * (text.length - chunk_len - 1));
    const chunk = text.slice(start, start + chunk_len + 1);
    const loss = optimizer.minimize(() => {
      let hidden = decoder.initHidden(1);
      let total = tf.scalar(0);
      for (let c = 0; c < chunk_len; c++) {
        const r = decoder.forward(charTensor(all_characters, chunk[c]), hidden);
        hidden = r.hidden;
        const target = tf.oneHot(charTensor(all_characters, chunk[c + 1]), all_characters.length);
        total = total.add(tf.losses.softmaxCrossEntropy(target, r.output));
      }
      return total.div(chunk_len);
    }, true);
    if (epoch % 10 === 0) console.log(`[epoch ${epoch}] loss ${loss.dataSync()[0].toFixed(4)}`);
    loss.dispose();
  }
}

module.exports = { CharRNN, generate, train };

if (require.main === module) {
  const text = 'to be or not to be that is the question whether tis nobler in the mind to suffer ';
  const all_characters = Array.from(new Set(text)).join('');
  const decoder = new CharRNN(all_characters.length, 48);
  train(decoder, all_characters, text);
  console.log(generate(decoder, all_characters, 'to be', 60, 0.8));
}
