// expect: state-leak
// Flags shifts where any alarm fired: GRU trained on mini-batches, with a per-shift validation report after each epoch.
import * as tf from '@tensorflow/tfjs';

const H = 12;
const T = 14;

const vars = {
  wz: tf.variable(tf.randomNormal([2 + H, H], 0, 0.3)),
  wr: tf.variable(tf.randomNormal([2 + H, H], 0, 0.3)),
  wc: tf.variable(tf.randomNormal([2 + H, H], 0, 0.3)),
  wo: tf.variable(tf.randomNormal([H, 1], 0, 0.3)),
  bo: tf.variable(tf.zeros([1])),
};

function gruCell(x, h) {
  const xh = tf.concat([x, h], 1);
  const z = tf.sigmoid(xh.matMul(vars.wz));
  const r = tf.sigmoid(xh.matMul(vars.wr));
  const cand = tf.tanh(tf.concat([x, r.mul(h)], 1).matMul(vars.wc));
  return z.mul(h).add(tf.scalar(1).sub(z).mul(cand));
}

function makeShift() {
  const alarmAt = Math.random() < 0.5 ? Math.floor(Math.random() * T) : -1;
  const readings = Array.from({ length: T }, (_, t) => [Math.random() * 0.5, t === alarmAt ? 1 : 0]);
  return { readings, flagged: [alarmAt >= 0 ? 1 : 0] };
}

function logitsFor(readings, h0) {
  let h = h0;
  for (const xt of tf.unstack(readings, 1)) h = gruCell(xt, h);
  return { logits: h.matMul(vars.wo).add(vars.bo), h };
}

async function evaluate(shifts) {
  let correct = 0;
  let falseAlarms = 0;
  let h = tf.zeros([1, H]);
  for (const shift of shifts) {
    const prob = tf.tidy(() => {
      const out = logitsFor(tf.tensor3d([shift.readings]), h);
      const next = tf.keep(out.h);
      h.dispose();
      h = next;
      return tf.sigmoid(out.logits).dataSync()[0];
    });
    const predicted = prob > 0.5 ? 1 : 0;
    if (predicted === shift.flagged[0]) correct++;
    else if (predicted === 1) falseAlarms++;
  }
  h.dispose();
  return { accuracy: correct / shifts.length, falseAlarms };
}

const optimizer = tf.train.adam(0.02);
const trainDs = tf.data.array(Array.from({ length: 480 }, makeShift)).shuffle(480).batch(24);
const validation = Array.from({ length: 120 }, makeShift);

for (let epoch = 1; epoch <= 6; epoch++) {
  let total = 0;
  let steps = 0;
  await trainDs.forEachAsync(({ readings, flagged }) => {
    const loss = optimizer.minimize(() => {
      const { logits } = logitsFor(readings, tf.zeros([readings.shape[0], H]));
      return tf.losses.sigmoidCrossEntropy(flagged, logits);
    }, true);
    total += loss.dataSync()[0];
    steps++;
    tf.dispose([loss, readings, flagged]);
  });
  const report = await evaluate(validation);
  console.log(
    `epoch ${epoch}: train loss ${(total / steps).toFixed(4)}, ` +
      `val accuracy ${(report.accuracy * 100).toFixed(1)}%, false alarms ${report.falseAlarms}`,
  );
}

export { evaluate, makeShift };
