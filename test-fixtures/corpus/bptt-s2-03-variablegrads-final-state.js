// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

export function createTrainer(gru, head, optimizer) {
  const unroll = (seq) => {
    let hidden = gru.initialState(seq[0].shape[0]);
    seq.forEach((x) => {
      hidden = gru.step(x, hidden);
    });
    return hidden;
  };

  return function trainBatch(seq, labels) {
    const finalHidden = unroll(seq);
    const { value, grads } = tf.variableGrads(() => {
      const logits = head.apply(finalHidden);
      return tf.losses.softmaxCrossEntropy(labels, logits).mean();
    });
    optimizer.applyGradients(grads);
    const loss = value.dataSync()[0];
    tf.dispose([value, finalHidden]);
    Object.values(grads).forEach((g) => g.dispose());
    return loss;
  };
}
