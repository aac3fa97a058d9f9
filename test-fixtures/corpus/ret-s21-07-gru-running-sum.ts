// expect: returns-input-state
// GRU cell as a class (ported from my PyTorch notebook) trained to output the running sum of a sequence of digits
import * as tf from '@tensorflow/tfjs';

const HID = 16;
const SEQ = 6;

class GRUCell {
  Wz = tf.variable(tf.randomNormal([1, HID], 0, 0.3));
  Uz = tf.variable(tf.randomNormal([HID, HID], 0, 0.3));
  Wr = tf.variable(tf.randomNormal([1, HID], 0, 0.3));
  Ur = tf.variable(tf.randomNormal([HID, HID], 0, 0.3));
  Wn = tf.variable(tf.randomNormal([1, HID], 0, 0.3));
  Un = tf.variable(tf.randomNormal([HID, HID], 0, 0.3));
  bz = tf.variable(tf.zeros([HID]));
  br = tf.variable(tf.zeros([HID]));
  bn = tf.variable(tf.zeros([HID]));

  // returns [output, state]
  call(x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const z = tf.sigmoid(x.matMul(this.Wz).add(h.matMul(this.Uz)).add(this.bz));
    const r = tf.sigmoid(x.matMul(this.Wr).add(h.matMul(this.Ur)).add(this.br));
    const n = tf.tanh(x.matMul(this.Wn).add(r.mul(h).matMul(this.Un)).add(this.bn));
    const hidden = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n)) as tf.Tensor2D;
    return [hidden, h];
  }
}

const gru = new GRUCell();
const readout = tf.layers.dense({ units: 1, inputShape: [HID] });

function unroll(xs: tf.Tensor2D): tf.Tensor2D {
  // xs: [batch, SEQ] -> running sums [batch, SEQ]
  let state = tf.zeros([xs.shape[0], HID]) as tf.Tensor2D;
  const outs: tf.Tensor2D[] = [];
  const cols = tf.split(xs, SEQ, 1) as tf.Tensor2D[];
  for (let t = 0; t < SEQ; t++) {
    const [out, newState] = gru.call(cols[t], state);
    state = newState;
    outs.push(readout.apply(out) as tf.Tensor2D);
  }
  return tf.concat(outs, 1);
}

function makeData(n: number) {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const digits = Array.from({ length: SEQ }, () => Math.floor(Math.random() * 3) / 10);
    let acc = 0;
    xs.push(digits);
    ys.push(digits.map((d) => (acc += d)));
  }
  return [tf.tensor2d(xs), tf.tensor2d(ys)] as const;
}

async function main() {
  const [xTrain, yTrain] = makeData(256);
  const opt = tf.train.adam(0.01);
  for (let epoch = 0; epoch < 150; epoch++) {
    const loss = opt.minimize(() => tf.losses.meanSquaredError(yTrain, unroll(xTrain)) as tf.Scalar, true);
    if (epoch % 30 === 0) console.log('epoch', epoch, 'mse', loss?.dataSync()[0]);
    loss?.dispose();
  }
  const [xTest, yTest] = makeData(2);
  console.log('inputs');
  xTest.print();
  console.log('target running sums');
  yTest.print();
  console.log('model');
  unroll(xTest).print();
}

main();
