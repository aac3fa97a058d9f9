// Scores every message of an inbox dump with a character GRU, each from a zero state; and
// follows one conversation message by message, keeping its context on purpose.
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
  for (const email of inbox) {
    const hidden = tf.tidy(() => readMessage(email.codes, tf.zeros([1, 16])));
    report.push({ id: email.id, spam: tf.tidy(() => head.apply(hidden).dataSync()[0]) });
    hidden.dispose();
  }
  return report;
}

export function followThread(thread) {
  let context = tf.zeros([1, 16]);
  for (const msg of thread) {
    const next = tf.tidy(() => readMessage(msg.codes, context));
    context.dispose();
    context = next;
  }
  return context;
}
