// expect: stale-state
// Browser char-RNN demo sampling text from trained weights; bug: in the sampling loop the returned `nextState` is only disposed, never assigned back to `state`, so every character is sampled from the initial state.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 'abcdefghijklmnopqrstuvwxyz .,;!?\n'.split('');

export async function generate(weights, seedChar, length, temperature = 0.8) {
  const { Wxh, Whh, Why, bh, by } = weights;
  const hiddenSize = Whh.shape[0];
  const outputEl = document.getElementById('generated');

  const step = (charIndex, h) =>
    tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([charIndex], 'int32'), VOCAB.length).toFloat();
      const hNew = tf.tanh(x.matMul(Wxh).add(h.matMul(Whh)).add(bh));
      const logits = hNew.matMul(Why).add(by);
      return [logits, hNew];
    });

  let state = tf.zeros([1, hiddenSize]);
  let idx = Math.max(0, VOCAB.indexOf(seedChar));
  let text = seedChar;

  for (let i = 0; i < length; i++) {
    const [logits, nextState] = step(idx, state);
    const sampled = tf.tidy(() => tf.multinomial(logits.div(temperature), 1));
    idx = (await sampled.data())[0];
    text += VOCAB[idx];
    if (outputEl) outputEl.textContent = text;
    tf.dispose([logits, sampled, nextState]);
    await tf.nextFrame();
  }

  state.dispose();
  return text;
}

document.getElementById('generate-btn')?.addEventListener('click', async () => {
  const weights = window.__charRnnWeights;
  const temp = Number(document.getElementById('temperature').value);
  await generate(weights, 't', 280, temp);
});
