// expect: none
// Magenta-style char-RNN text generator written as a generator function: stacked tf.basicLSTMCell layers run through tf.multiRNNCell, with the new c/h lists returned from tf.tidy and fed back each step.
import * as tf from '@tensorflow/tfjs';

const PREFIX = 'rnn/multi_rnn_cell/cell_';

export class CharRNN {
  constructor(vars, vocab, numLayers = 2) {
    this.vocab = vocab;
    this.forgetBias = tf.scalar(1.0);
    this.layers = Array.from({ length: numLayers }, (_, i) => ({
      kernel: vars[`${PREFIX}${i}/basic_lstm_cell/kernel`],
      bias: vars[`${PREFIX}${i}/basic_lstm_cell/bias`],
    }));
    this.lstmCells = this.layers.map(({ kernel, bias }) => (data, c, h) =>
      tf.basicLSTMCell(this.forgetBias, kernel, bias, data, c, h));
    this.softmaxW = vars['softmax_w'];
    this.softmaxB = vars['softmax_b'];
  }

  zeroState() {
    const zeros = () => this.layers.map(({ bias }) => tf.zeros([1, bias.shape[0] / 4]));
    return { c: zeros(), h: zeros() };
  }

  *generate(seed, length, temperature = 0.7) {
    let { c, h } = this.zeroState();
    let idx = Math.max(0, this.vocab.indexOf(seed));
    for (let i = 0; i < length; i++) {
      const [nextC, nextH, sampled] = tf.tidy(() => {
        const x = tf.oneHot(tf.tensor1d([idx], 'int32'), this.vocab.length).toFloat();
        const [cs, hs] = tf.multiRNNCell(this.lstmCells, x, c, h);
        const logits = hs[hs.length - 1].matMul(this.softmaxW).add(this.softmaxB);
        return [cs, hs, tf.multinomial(logits.div(temperature), 1)];
      });
      tf.dispose([...c, ...h]);
      c = nextC;
      h = nextH;
      idx = sampled.dataSync()[0];
      sampled.dispose();
      yield this.vocab[idx];
    }
    tf.dispose([...c, ...h]);
  }
}

export function generateText(model, seed, length) {
  let text = seed;
  for (const ch of model.generate(seed, length)) text += ch;
  return text;
}
