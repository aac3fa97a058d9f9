// expect: none
const tf = require('@tensorflow/tfjs');

function createTrainer(gru, head, optimizer) {
  return function trainBatch(seq, labels) {
    let finalSnapshot = null;
    const { value, grads } = tf.variableGrads(() => {
      let memory = gru.initialState(seq[0].shape[0]);
      seq.forEach((x) => {
        memory = gru.step(x, memory);
      });
      finalSnapshot = memory.arraySync();
      const logits = head.apply(memory);
      return tf.losses.softmaxCrossEntropy(labels, logits).mean();
    });
    optimizer.applyGradients(grads);
    const loss = value.dataSync()[0];
    value.dispose();
    tf.dispose(grads);
    return { loss, finalSnapshot };
  };
}

module.exports = { createTrainer };
