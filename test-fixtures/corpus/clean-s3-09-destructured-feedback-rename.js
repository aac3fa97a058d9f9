// expect: none
// Browser demo: autoregressive melody sampler in the style of a magenta helper; the decoder's returned `hidden` is fed back into `state` through a destructuring assignment, and a temperature slider controls sampling.
import * as tf from '@tensorflow/tfjs';

const NUM_PITCHES = 90;

export class MelodySampler {
  constructor(decoder) {
    this.decoder = decoder; // { step(tokenTensor, state) => { logits, hidden }, initialState(batch) }
  }

  async sample(steps, temperature = 1.0, primer = 60) {
    let state = this.decoder.initialState(1);
    let logits;
    let pitch = primer;
    const notes = [];
    for (let i = 0; i < steps; i++) {
      const input = tf.oneHot(tf.tensor1d([pitch], 'int32'), NUM_PITCHES).toFloat();
      const prev = state;
      ({ hidden: state, logits } = this.decoder.step(input, prev));
      const drawn = tf.tidy(() => tf.multinomial(logits.div(temperature), 1));
      pitch = (await drawn.data())[0];
      tf.dispose([input, prev, logits, drawn]);
      notes.push({ pitch, quantizedStartStep: i, quantizedEndStep: i + 1 });
    }
    state.dispose();
    return { notes, totalQuantizedSteps: steps };
  }
}

document.querySelector('#sample')?.addEventListener('click', async () => {
  const temperature = parseFloat(document.querySelector('#temperature').value);
  const seq = await window.melodySampler.sample(64, temperature);
  document.querySelector('#out').textContent = seq.notes.map((n) => n.pitch).join(' ');
});
