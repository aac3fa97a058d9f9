// expect: stale-state
// Character-level text generator built on tf.basicLSTMCell / tf.multiRNNCell with temperature sampling; the generation loop keeps passing the primed c/h arrays and never adopts nextC/nextH.
import * as tf from '@tensorflow/tfjs';

export class CharSampler {
  constructor(weights, charSet, { forgetBias = 1.0, layers = 2 } = {}) {
    this.charSet = charSet;
    this.vocab = charSet.length;
    this.forgetBias = tf.scalar(forgetBias);
    this.layers = layers;
    this.kernels = weights.kernels;   // [inputDim + units, 4 * units] per layer
    this.biases = weights.biases;     // [4 * units] per layer
    this.outKernel = weights.outKernel;
    this.outBias = weights.outBias;
    this.units = this.biases[0].shape[0] / 4;
    this.cells = this.kernels.map((k, i) =>
      (data, c, h) => tf.basicLSTMCell(this.forgetBias, k, this.biases[i], data, c, h));
  }

  oneHot(ch) {
    return tf.oneHot(tf.tensor1d([this.charSet.indexOf(ch)], 'int32'), this.vocab).toFloat();
  }

  zeroState() {
    const z = () => tf.zeros([1, this.units]);
    return { c: Array.from({ length: this.layers }, z), h: Array.from({ length: this.layers }, z) };
  }

  prime(seedText) {
    let { c, h } = this.zeroState();
    for (const ch of seedText) {
      const x = this.oneHot(ch);
      const [nc, nh] = tf.multiRNNCell(this.cells, x, c, h);
      tf.dispose([x, ...c, ...h]);
      c = nc;
      h = nh;
    }
    return { c, h };
  }

  async generate(seedText, length, temperature = 0.6, onChar = () => {}) {
    const { c, h } = this.prime(seedText);
    let current = seedText[seedText.length - 1];
    let text = '';
    for (let i = 0; i < length; i++) {
      const sampled = tf.tidy(() => {
        const x = this.oneHot(current);
        const [nextC, nextH] = tf.multiRNNCell(this.cells, x, c, h);
        const top = nextH[nextH.length - 1];
        const logits = tf.matMul(top, this.outKernel).add(this.outBias);
        return tf.multinomial(logits.div(temperature).squeeze(), 1);
      });
      const idx = (await sampled.data())[0];
      sampled.dispose();
      current = this.charSet[idx];
      text += current;
      onChar(current, i);
    }
    tf.dispose([...c, ...h]);
    return text;
  }
}

export async function loadSampler(url, charSet) {
  const res = await fetch(url);
  const json = await res.json();
  const t2 = (a) => tf.tensor2d(a);
  const weights = {
    kernels: json.kernels.map(t2),
    biases: json.biases.map((b) => tf.tensor1d(b)),
    outKernel: t2(json.outKernel),
    outBias: tf.tensor1d(json.outBias),
  };
  return new CharSampler(weights, charSet, { layers: json.kernels.length });
}
