// expect: tidy-disposed-state
const tf = require('@tensorflow/tfjs');

function sampleText(step, readout, embed, seedIds, length, units) {
  let state = tf.zeros([1, units]);
  const ids = [...seedIds];

  for (let i = 0; i < length; i++) {
    const last = ids[ids.length - 1];
    const nextId = tf.tidy(() => {
      const x = embed(tf.tensor1d([last], 'int32'));
      const next = step(x, state);
      state = next;
      const logits = readout(next);
      return tf.multinomial(logits, 1).dataSync()[0];
    });
    ids.push(nextId);
  }

  state.dispose();
  return ids;
}

module.exports = { sampleText };
