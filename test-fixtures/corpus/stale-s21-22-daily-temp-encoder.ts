// expect: stale-state
// Reads a week of hourly-ish temperatures with an LSTM and predicts the week's peak temperature
import * as tf from '@tensorflow/tfjs';

const DAYS = 7;
const UNITS = 16;

interface State {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

const lstmCell = tf.layers.lstmCell({ units: UNITS });
const outDense = tf.layers.dense({ units: 1 });
lstmCell.build([null, 1]);

function lstmStep(xt: tf.Tensor2D, s: State): [tf.Tensor2D, State] {
  const [out, h, c] = lstmCell.apply([xt, s.h, s.c]) as tf.Tensor2D[];
  return [out, { h, c }];
}

function encodeWeek(temps: tf.Tensor2D): tf.Tensor2D {
  const batch = temps.shape[0];
  const initState: State = { h: tf.zeros([batch, UNITS]), c: tf.zeros([batch, UNITS]) };
  let state = initState;
  const days = tf.split(temps, DAYS, 1) as tf.Tensor2D[];
  let t = 0;
  let lastOut: tf.Tensor2D = initState.h;
  while (t < DAYS) {
    const [out, newState] = lstmStep(days[t], initState);
    state = newState;
    lastOut = out;
    t++;
  }
  return outDense.apply(state.h) as tf.Tensor2D;
}

function fakeWeeks(n: number) {
  const X: number[][] = [];
  const Y: number[][] = [];
  for (let i = 0; i < n; i++) {
    const base = Math.random() * 0.6;
    const week = Array.from({ length: DAYS }, () => base + Math.random() * 0.4);
    X.push(week);
    Y.push([Math.max(...week)]);
  }
  return { X: tf.tensor2d(X), Y: tf.tensor2d(Y) };
}

async function main() {
  const train = fakeWeeks(400);
  const optimizer = tf.train.adam(0.01);
  for (let epoch = 0; epoch < 100; epoch++) {
    const cost = optimizer.minimize(() => tf.losses.meanSquaredError(train.Y, encodeWeek(train.X)) as tf.Scalar, true);
    if (epoch % 25 === 0) console.log(`epoch ${epoch}: mse ${cost?.dataSync()[0].toFixed(5)}`);
    cost?.dispose();
  }
  const test = fakeWeeks(100);
  const mse = tf.losses.meanSquaredError(test.Y, encodeWeek(test.X));
  console.log('test mse', mse.dataSync()[0].toFixed(5));
  const oneWeek = tf.tensor2d([[0.3, 0.9, 0.4, 0.35, 0.3, 0.32, 0.31]]);
  console.log('peak of [0.3, 0.9, 0.4, ...] predicted as', encodeWeek(oneWeek).dataSync()[0].toFixed(3));
}

main();
