// expect: state-leak
// next-item recommender: train a GRU on click windows, then replay each user's stream through a stateful copy (hit@3)
import * as tf from '@tensorflow/tfjs';

const n_items = 9;
const win = 6;
const units = 24;

// synthetic users: every user walks the catalogue with a personal stride
function user_stream(stride: number, start: number, len: number): number[] {
  return Array.from({ length: len }, (_, t) => (start + t * stride) % n_items);
}

const one_hot_seq = (ids: number[]) => ids.map((id) => Array.from({ length: n_items }, (_, k) => (k === id ? 1 : 0)));

function build(stateful: boolean): tf.LayersModel {
  const m = tf.sequential();
  m.add(tf.layers.gru(stateful
    ? { units, stateful: true, batchInputShape: [1, 1, n_items] }
    : { units, inputShape: [win, n_items] }));
  m.add(tf.layers.dense({ units: n_items, activation: 'softmax' }));
  return m;
}

async function train_window_model(): Promise<tf.LayersModel> {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let n = 0; n < 600; n++) {
    const s = user_stream(1 + Math.floor(Math.random() * 4), Math.floor(Math.random() * n_items), win + 1);
    xs.push(one_hot_seq(s.slice(0, win)));
    ys.push(one_hot_seq([s[win]])[0]);
  }
  const m = build(false);
  m.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const x = tf.tensor3d(xs);
  const y = tf.tensor2d(ys);
  const h = await m.fit(x, y, { epochs: 25, batchSize: 32, verbose: 0 });
  console.log('window model train acc', (h.history.acc[h.history.acc.length - 1] as number).toFixed(3));
  tf.dispose([x, y]);
  return m;
}

async function replay_users(model: tf.LayersModel, users: { id: string; clicks: number[] }[]) {
  const report: Record<string, number> = {};
  for (const user of users) {
    let hits = 0;
    for (let t = 0; t + 1 < user.clicks.length; t++) {
      const x = tf.tensor3d([one_hot_seq([user.clicks[t]])]);
      const probs = model.predict(x) as tf.Tensor;
      const p = Array.from(await probs.data());
      const top3 = p.map((v, k) => [v, k]).sort((a, b) => b[0] - a[0]).slice(0, 3).map((e) => e[1]);
      if (t >= 2 && top3.includes(user.clicks[t + 1])) hits++;
      tf.dispose([x, probs]);
    }
    report[user.id] = hits / (user.clicks.length - 3);
  }
  return report;
}

async function main() {
  const trained = await train_window_model();
  const online = build(true);
  online.setWeights(trained.getWeights());

  const users = [
    { id: 'u_stride1', clicks: user_stream(1, 0, 10) },
    { id: 'u_stride3', clicks: user_stream(3, 4, 10) },
    { id: 'u_stride2', clicks: user_stream(2, 7, 10) },
    { id: 'u_stride4', clicks: user_stream(4, 1, 10) },
  ];
  const report = await replay_users(online, users);
  console.table(report);
  const mean = Object.values(report).reduce((a, b) => a + b, 0) / users.length;
  console.log('mean hit@3', mean.toFixed(3), 'tensors', tf.memory().numTensors);
}

main();
