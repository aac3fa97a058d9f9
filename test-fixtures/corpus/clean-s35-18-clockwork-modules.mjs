// expect: none
// Clockwork RNN (Koutník et al., 2014) with the hidden state kept as a list of per-module tensors, trained then run free.
import * as tf from '@tensorflow/tfjs';

const PERIODS = [1, 2, 4, 8, 16, 32];
const MODULE_SIZE = 8;

class ClockworkRNN {
  constructor(inputDim) {
    const w = (r, c, s) => tf.variable(tf.randomNormal([r, c], 0, s));
    // module g reads the states of modules g..G-1 (itself and the slower ones)
    this.modules = PERIODS.map((period, g) => {
      const fanIn = (PERIODS.length - g) * MODULE_SIZE;
      return {
        period,
        Wi: w(inputDim, MODULE_SIZE, 0.1),
        Wh: w(fanIn, MODULE_SIZE, 1 / Math.sqrt(fanIn)),
        b: tf.variable(tf.zeros([MODULE_SIZE])),
      };
    });
    const total = PERIODS.length * MODULE_SIZE;
    this.Wo = w(total, 1, 0.1);
    this.bo = tf.variable(tf.zeros([1]));
  }

  zeroState(batch) {
    return this.modules.map(() => tf.zeros([batch, MODULE_SIZE]));
  }

  step(x, states, t) {
    return this.modules.map((m, g) => {
      if (t % m.period !== 0) return states[g]; // module is not clocked at this step
      const slower = tf.concat(states.slice(g), 1);
      return tf.tanh(tf.add(tf.add(tf.matMul(x, m.Wi), tf.matMul(slower, m.Wh)), m.b));
    });
  }

  readout(states) {
    return tf.add(tf.matMul(tf.concat(states, 1), this.Wo), this.bo);
  }
}

const SEQ_LEN = 160;
const signal = Array.from({ length: SEQ_LEN + 1 }, (_, t) =>
  0.6 * Math.sin(t / 4) * Math.sin(t / 37) + 0.3 * Math.cos(t / 13));

const net = new ClockworkRNN(1);
const optimizer = tf.train.adam(3e-3);
const target = tf.tensor2d(signal.slice(1), [SEQ_LEN, 1]);

for (let it = 0; it < 300; it++) {
  const loss = optimizer.minimize(() => {
    let states = net.zeroState(1);
    const preds = [];
    let t = 0;
    while (t < SEQ_LEN) {
      states = net.step(tf.tensor2d([[signal[t]]]), states, t);
      preds.push(net.readout(states));
      t++;
    }
    return tf.losses.meanSquaredError(target, tf.concat(preds, 0));
  }, true);
  if (it % 50 === 0) console.log(`iter ${it}  mse ${(await loss.data())[0].toFixed(5)}`);
  loss.dispose();
}

// Free-running generation: feed the model its own prediction after a short warm-up.
function generate(warmup, steps) {
  return tf.tidy(() => {
    let states = net.zeroState(1);
    let x = null;
    const out = [];
    for (let t = 0; t < warmup + steps; t++) {
      const input = t < warmup ? tf.tensor2d([[signal[t]]]) : x;
      states = net.step(input, states, t);
      x = net.readout(states);
      if (t >= warmup) out.push(x.dataSync()[0]);
    }
    return out;
  });
}

console.log(generate(32, 16).map((v) => v.toFixed(3)).join(' '));
