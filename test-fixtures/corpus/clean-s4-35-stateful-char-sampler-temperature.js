// expect: none
// lstm-text-generation style sampler that uses a batch-1 stateful copy of the trained model: states are reset before each generation, the seed is primed one character at a time, and the linear logits are temperature-scaled before tf.multinomial (softmax only feeds the UI's probability bar).
import * as tf from '@tensorflow/tfjs';

export function buildCharModel(vocabSize, { units = 128, stateful = false, batchSize = 1 } = {}) {
  const model = tf.sequential();
  const inputCfg = stateful ? { batchInputShape: [batchSize, 1, vocabSize] } : { inputShape: [null, vocabSize] };
  model.add(tf.layers.lstm({ units, returnSequences: true, stateful, ...inputCfg }));
  model.add(tf.layers.lstm({ units, stateful }));
  model.add(tf.layers.dense({ units: vocabSize }));
  return model;
}

export class TextGenerator {
  constructor(trainedModel, charSet, callbacks = {}) {
    this.charSet = charSet;
    this.callbacks = callbacks;
    const units = trainedModel.layers[0].getConfig().units;
    this.sampler = buildCharModel(charSet.length, { units, stateful: true });
    this.sampler.setWeights(trainedModel.getWeights());
    this.stopRequested = false;
  }

  encode(ch) {
    return tf.oneHot([this.charSet.indexOf(ch)], this.charSet.length).toFloat().reshape([1, 1, this.charSet.length]);
  }

  stepLogits(ch) {
    return tf.tidy(() => this.sampler.predict(this.encode(ch)).squeeze());
  }

  async generate(seed, length, temperature = 0.75) {
    this.sampler.resetStates();
    this.stopRequested = false;
    let logits = null;
    for (const ch of seed) {
      if (logits) logits.dispose();
      logits = this.stepLogits(ch);
    }
    let text = '';
    for (let i = 0; i < length && !this.stopRequested; i++) {
      const [idx, confidence] = tf.tidy(() => {
        const scaled = logits.div(tf.scalar(Math.max(temperature, 1e-3)));
        const sample = tf.multinomial(scaled, 1).dataSync()[0];
        const probs = tf.softmax(scaled);
        return [sample, probs.dataSync()[sample]];
      });
      logits.dispose();
      const ch = this.charSet[idx];
      text += ch;
      if (this.callbacks.onChar) await this.callbacks.onChar(ch, confidence, i);
      logits = this.stepLogits(ch);
      await tf.nextFrame();
    }
    if (logits) logits.dispose();
    if (this.callbacks.onDone) this.callbacks.onDone(text);
    return text;
  }

  stop() {
    this.stopRequested = true;
  }
}

export function wireUi(generator, { seedInput, tempSlider, output, bar, button }) {
  button.addEventListener('click', async () => {
    output.textContent = '';
    generator.callbacks.onChar = (ch, p) => {
      output.textContent += ch;
      bar.style.width = `${(p * 100).toFixed(0)}%`;
    };
    await generator.generate(seedInput.value, 400, Number(tempSlider.value));
  });
}
