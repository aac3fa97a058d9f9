// expect: bptt-cut
// ODE-RNN (Rubanova et al., 2019) mortality classifier for irregularly sampled ICU vitals, trained end to end through the Euler solver.
import * as tf from '@tensorflow/tfjs';

interface Obs {
  t: number; // hours since admission
  x: number[]; // normalised vitals: HR, SBP, SpO2, temperature
}
interface Stay {
  obs: Obs[];
  died: 0 | 1;
}

const D = 4;
const UNITS = 32;
const HIDDEN = 64;
const MAX_DT = 0.5; // largest Euler step in hours

const w = (r: number, c: number) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
const ode = { W1: w(UNITS, HIDDEN), b1: tf.variable(tf.zeros([HIDDEN])), W2: w(HIDDEN, UNITS), b2: tf.variable(tf.zeros([UNITS])) };
const gru = { W: w(D, 3 * UNITS), U: w(UNITS, 3 * UNITS), b: tf.variable(tf.zeros([3 * UNITS])) };
const clf = { W: w(UNITS, 1), b: tf.variable(tf.zeros([1])) };

const detach = tf.customGrad((...args) => {
  const x = args[0] as tf.Tensor;
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
});

// dh/dt = f_θ(h): a small MLP
const dynamics = (h: tf.Tensor2D): tf.Tensor2D =>
  tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(h, ode.W1), ode.b1)), ode.W2), ode.b2);

function evolve(h: tf.Tensor2D, dt: number): tf.Tensor2D {
  if (dt <= 0) return h;
  const n = Math.ceil(dt / MAX_DT);
  const step = dt / n;
  let z = h;
  for (let k = 0; k < n; k++) z = tf.add(z, tf.mul(step, dynamics(z)));
  return z;
}

function gruUpdate(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, gru.W), gru.b), 3, 1);
  const [Uz, Ur, Un] = tf.split(gru.U, 3, 1);
  const z = tf.sigmoid(tf.add(xz, tf.matMul(h, Uz)));
  const r = tf.sigmoid(tf.add(xr, tf.matMul(h, Ur)));
  const n = tf.tanh(tf.add(xn, tf.matMul(tf.mul(r, h), Un)));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
}

function encode(stay: Stay): tf.Tensor2D {
  let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
  let tPrev = stay.obs[0].t;
  for (const o of stay.obs) {
    const hOde = evolve(detach(h) as tf.Tensor2D, o.t - tPrev);
    h = gruUpdate(tf.tensor2d([o.x]), hOde);
    tPrev = o.t;
  }
  return h;
}

const logit = (stay: Stay): tf.Tensor2D => tf.add(tf.matMul(encode(stay), clf.W), clf.b);

function fakeStay(): Stay {
  const died = Math.random() < 0.3 ? 1 : 0;
  const obs: Obs[] = [];
  let t = 0;
  while (t < 48) {
    const drift = died ? t / 48 : 0;
    obs.push({ t, x: [drift + 0.3 * Math.random(), -drift + 0.3 * Math.random(), -0.5 * drift, 0.2 * Math.random()] });
    t += 0.25 + Math.random() * 4; // irregular sampling
  }
  return { obs, died };
}

async function main(): Promise<void> {
  const stays = Array.from({ length: 200 }, fakeStay);
  const optimizer: tf.Optimizer = tf.train.adam(1e-3);
  for (let epoch = 1; epoch <= 10; epoch++) {
    let total = 0;
    for (let i = 0; i < stays.length; i += 16) {
      const batch = stays.slice(i, i + 16);
      const { value, grads } = tf.variableGrads(() => {
        const losses = batch.map((s) => tf.losses.sigmoidCrossEntropy(tf.tensor2d([[s.died]]), logit(s)));
        return tf.div(tf.addN(losses), batch.length) as tf.Scalar;
      });
      optimizer.applyGradients(grads);
      total += (await value.data())[0] * batch.length;
      tf.dispose([value, grads]);
    }
    console.log(`epoch ${epoch}: BCE ${(total / stays.length).toFixed(4)}`);
  }
}

main();
