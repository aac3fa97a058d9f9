// expect: none
const tf = require('@tensorflow/tfjs-node');

async function compose(model, primer, length, vocabSize) {
  model.resetStates();
  const notes = [...primer];
  let input = tf.oneHot(tf.tensor1d([primer[primer.length - 1]], 'int32'), vocabSize).reshape([1, 1, vocabSize]);
  while (notes.length < length) {
    const probs = model.predict(input);
    const next = (await probs.argMax(-1).data())[0];
    notes.push(next);
    input.dispose();
    probs.dispose();
    input = tf.oneHot(tf.tensor1d([next], 'int32'), vocabSize).reshape([1, 1, vocabSize]);
  }
  return notes;
}

module.exports = { compose };
