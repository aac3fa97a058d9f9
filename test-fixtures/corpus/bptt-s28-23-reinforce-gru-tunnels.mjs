// expect: bptt-cut
// REINFORCE for a GRU policy on the "which tunnel had the light" task, re-running each episode inside minimize().
import * as tf from '@tensorflow/tfjs';

const H = 12;
const CLAMP = 3;

export function makePolicy(obsSize, nActions) {
  const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.35));
  return {
    Wzr: init([obsSize, 2 * H]),
    Uzr: init([H, 2 * H]),
    Wn: init([obsSize, H]),
    Un: init([H, H]),
    Wo: init([H, nActions]),
  };
}

function gru(p, x, h) {
  const zr = tf.sigmoid(x.matMul(p.Wzr).add(h.matMul(p.Uzr)));
  const [z, r] = tf.split(zr, 2, 1);
  const n = tf.tanh(x.matMul(p.Wn).add(r.mul(h).matMul(p.Un)));
  return tf.sub(1, z).mul(n).add(z.mul(h));
}

const clampRows = (rows) => rows.map((row) => row.map((v) => Math.max(-CLAMP, Math.min(CLAMP, v))));

export function runEpisode(p, env) {
  return tf.tidy(() => {
    const obs = [];
    const actions = [];
    const rewards = [];
    let o = env.reset();
    let h = tf.zeros([1, H]);
    for (let done = false; !done; ) {
      h = gru(p, tf.tensor2d([o]), h);
      const a = tf.multinomial(h.matMul(p.Wo), 1).dataSync()[0];
      const res = env.step(a);
      obs.push(o);
      actions.push(a);
      rewards.push(res.reward);
      o = res.obs;
      done = res.done;
    }
    return { obs, actions, rewards };
  });
}

export function reinforce(p, opt, episodes, gamma = 0.98) {
  const batch = episodes.map((ep) => {
    let g = 0;
    const returns = ep.rewards.map(() => 0);
    for (let t = ep.rewards.length - 1; t >= 0; t--) returns[t] = g = ep.rewards[t] + gamma * g;
    return { ...ep, returns };
  });
  const baseline = batch.reduce((s, ep) => s + ep.returns[0], 0) / batch.length;

  const loss = opt.minimize(() => {
    const terms = [];
    for (const ep of batch) {
      let h = tf.zeros([1, H]);
      ep.obs.forEach((o, t) => {
        const hNext = gru(p, tf.tensor2d([o]), h);
        const logp = tf.logSoftmax(hNext.matMul(p.Wo)).gather([ep.actions[t]], 1).reshape([]);
        terms.push(logp.mul(-(ep.returns[t] - baseline)));
        h = tf.tensor2d(clampRows(hNext.arraySync()));
      });
    }
    return tf.addN(terms).div(batch.length);
  }, true);
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

export function tunnelEnv(length = 4) {
  let lit = 0;
  let t = 0;
  return {
    reset() {
      lit = Math.random() < 0.5 ? 0 : 1;
      t = 0;
      return [lit === 0 ? 1 : 0, lit === 1 ? 1 : 0, 0];
    },
    step(a) {
      t += 1;
      if (t < length) return { obs: [0, 0, t / length], reward: 0, done: false };
      return { obs: [0, 0, 1], reward: a === lit ? 1 : 0, done: true };
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = makePolicy(3, 2);
  const opt = tf.train.adam(0.01);
  const env = tunnelEnv();
  for (let it = 0; it < 20; it++) {
    const eps = Array.from({ length: 8 }, () => runEpisode(p, env));
    const l = reinforce(p, opt, eps);
    const win = eps.filter((e) => e.rewards.at(-1) > 0).length / eps.length;
    if (it % 5 === 0) console.log(`iter ${it} loss ${l.toFixed(3)} win-rate ${win.toFixed(2)}`);
  }
}
