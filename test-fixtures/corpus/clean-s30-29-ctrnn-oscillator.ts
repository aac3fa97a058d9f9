// expect: none
// Two-neuron CTRNN central pattern generator (Beer 1995 parameters), forward Euler, period estimate at two step sizes.
import * as tf from '@tensorflow/tfjs';

// tau_i dy_i/dt = -y_i + sum_j w_ji sigma(y_j + theta_j)
const W = tf.tensor2d([[4.5, -1], [1, 4.5]]);     // W[j][i] = w_ji
const theta = tf.tensor2d([[-2.75, -1.75]]);
const tau = tf.tensor2d([[1, 1]]);

export function rates(y: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(y.add(theta));
}

export function eulerStep(y: tf.Tensor2D, dt: number): tf.Tensor2D {
  return tf.tidy(() => {
    const dy = y.neg().add(tf.matMul(rates(y), W)).div(tau);
    return y.add(dy.mul(dt));
  });
}

export function integrate(y0: tf.Tensor2D, dt: number, Tend: number): number[] {
  let y = y0.clone();
  const o: number[] = [];
  let t = 0;
  while (t < Tend) {
    const yn = eulerStep(y, dt);
    y.dispose();
    y = yn;
    o.push(tf.tidy(() => rates(y).dataSync()[0]));
    t += dt;
  }
  y.dispose();
  return o;
}

function period(o: number[], dt: number): number {
  const tail = o.slice(Math.floor(o.length / 2));
  const mu = tail.reduce((a, b) => a + b, 0) / tail.length;
  const up: number[] = [];
  for (let k = 1; k < tail.length; k++) if (tail[k - 1] < mu && tail[k] >= mu) up.push(k);
  if (up.length < 2) return NaN;
  return ((up[up.length - 1] - up[0]) / (up.length - 1)) * dt;
}

const y0 = tf.tensor2d([[0.1, -0.1]]);
for (const dt of [0.02, 0.01]) {
  const o = integrate(y0, dt, 150);
  const tail = o.slice(o.length / 2);
  console.log(
    `dt=${dt}: period ~ ${period(o, dt).toFixed(3)}  ` +
    `amplitude ${(Math.max(...tail) - Math.min(...tail)).toFixed(3)}  tensors ${tf.memory().numTensors}`
  );
}
