// expect: returns-input-state
// Minimal GRU step function plus a melody generator that turns note ids into a sequence, from my PyTorch music notebook.
import * as tf from '@tensorflow/tfjs';

export function initParams(n_notes, hidden) {
  const rnd = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.2));
  return {
    emb: rnd([n_notes, hidden]),
    W_z: rnd([hidden, hidden]), U_z: rnd([hidden, hidden]),
    W_r: rnd([hidden, hidden]), U_r: rnd([hidden, hidden]),
    W_n: rnd([hidden, hidden]), U_n: rnd([hidden, hidden]),
    W_out: rnd([hidden, n_notes]),
  };
}

// z = sigmoid(W_z x + U_z h), r = sigmoid(W_r x + U_r h)
// n = tanh(W_n x + r * (U_n h)), h' = (1 - z) * n + z * h
export function gruStep(p, noteId, h) {
  const x = tf.gather(p.emb, [noteId]);
  const z = tf.sigmoid(x.matMul(p.W_z).add(h.matMul(p.U_z)));
  const r = tf.sigmoid(x.matMul(p.W_r).add(h.matMul(p.U_r)));
  const n = tf.tanh(x.matMul(p.W_n).add(r.mul(h.matMul(p.U_n))));
  const h_new = tf.sub(1, z).mul(n).add(z.mul(h));
  const logits = h_new.matMul(p.W_out);
  return [logits, h];
}

export function sequenceLoss(p, notes, hidden) {
  let h = tf.zeros([1, hidden]);
  let loss = tf.scalar(0);
  for (let t = 0; t + 1 < notes.length; t++) {
    const [logits, h_next] = gruStep(p, notes[t], h);
    h = h_next;
    const target = tf.oneHot([notes[t + 1]], logits.shape[1]);
    loss = loss.add(tf.losses.softmaxCrossEntropy(target, logits));
  }
  return loss.div(notes.length - 1);
}

export function generate(p, hidden, first_note, length, temperature = 1.0) {
  return tf.tidy(() => {
    let h = tf.zeros([1, hidden]);
    let note = first_note;
    const melody = [note];
    for (let i = 0; i < length; i++) {
      const [logits, h_next] = gruStep(p, note, h);
      h = h_next;
      note = tf.multinomial(logits.div(temperature), 1).dataSync()[0];
      melody.push(note);
    }
    return melody;
  });
}

export async function main() {
  const NOTES = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
  const tune = [0, 0, 4, 4, 5, 5, 4, 3, 3, 2, 2, 1, 1, 0];
  const hidden = 16;
  const p = initParams(NOTES.length, hidden);
  const opt = tf.train.adam(0.02);
  for (let epoch = 0; epoch < 60; epoch++) {
    const loss = opt.minimize(() => sequenceLoss(p, tune, hidden), true);
    if (epoch % 20 === 0) console.log('epoch', epoch, 'loss', (await loss.data())[0].toFixed(4));
    loss.dispose();
  }
  const melody = generate(p, hidden, 0, 13, 0.7);
  console.log(melody.map((i) => NOTES[i]).join(' '));
}

main();
