// Nightly job: scores every message of an inbox dump with a character GRU.
import * as tf from '@tensorflow/tfjs';

const cell = tf.layers.gruCell({ units: 16 });
const head = tf.layers.dense({ units: 1, activation: 'sigmoid' });

function readMessage(codes, h0) {
  let h = h0;
  for (const c of codes) {
    const out = cell.apply([tf.oneHot(tf.tensor1d([c], 'int32'), 128), h]);
    h = out[1];
  }
  return h;
}

export function scoreInbox(inbox) {
  const report = [];
  let hidden = tf.zeros([1, 16]);
  for (const email of inbox) {
    const next = tf.tidy(() => readMessage(email.codes, hidden));
    //                                                  ~~~~~~ state-leak
    hidden.dispose();
    hidden = next;
    report.push({ id: email.id, spam: tf.tidy(() => head.apply(hidden).dataSync()[0]) });
  }
  return report;
}
