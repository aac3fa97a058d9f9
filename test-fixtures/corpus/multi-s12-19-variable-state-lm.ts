// expect: bptt-cut, stacked-activation
// Next-word GRU language model whose recurrent state lives in a tf.variable, the way Keras keeps states for stateful layers.
import * as tf from '@tensorflow/tfjs';

const sentences = ['i like green tea', 'i like black coffee', 'you like green apples', 'you drink black tea'];
const words = Array.from(new Set(sentences.join(' ').split(' ')));
const V = words.length;
const units = 20;
const batch_size = sentences.length;

export class StatefulGRU {
  kernel = tf.variable(tf.randomNormal([V, 3 * units], 0, 0.2));
  recurrent_kernel = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.2));
  bias = tf.variable(tf.zeros([3 * units]));
  // states[0], not trainable
  state = tf.variable(tf.zeros([batch_size, units]), false);
  proj = tf.layers.dense({ units: V, activation: 'softmax', inputShape: [units] });

  resetStates(): void {
    this.state.assign(tf.zeros([batch_size, units]));
  }

  // one timestep: reads self.state, writes the new state back
  call(x_t: tf.Tensor2D): tf.Tensor2D {
    const h_tm1 = this.state as tf.Tensor2D;
    const [xz, xr, xh] = tf.split(tf.matMul(x_t, this.kernel).add(this.bias), 3, 1);
    const [rz, rr, rh] = tf.split(tf.matMul(h_tm1, this.recurrent_kernel), 3, 1);
    const z = tf.sigmoid(xz.add(rz));
    const r = tf.sigmoid(xr.add(rr));
    const hh = tf.tanh(xh.add(r.mul(rh)));
    const h = z.mul(h_tm1).add(tf.sub(1, z).mul(hh)) as tf.Tensor2D;
    this.state.assign(h);
    return h;
  }

  // returns next-word probabilities for every timestep
  predictProbs(xs: tf.Tensor2D[]): tf.Tensor2D[] {
    return xs.map((x_t) => {
      const h = this.call(x_t);
      return tf.softmax(this.proj.apply(h) as tf.Tensor2D);
    });
  }
}

function encodeBatch(): { inputs: tf.Tensor2D[]; targets: tf.Tensor2D[] } {
  const ids = sentences.map((s) => s.split(' ').map((w) => words.indexOf(w)));
  const T = ids[0].length - 1;
  const inputs: tf.Tensor2D[] = [];
  const targets: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    inputs.push(tf.oneHot(ids.map((row) => row[t]), V).toFloat() as tf.Tensor2D);
    targets.push(tf.oneHot(ids.map((row) => row[t + 1]), V).toFloat() as tf.Tensor2D);
  }
  return { inputs, targets };
}

export function trainModel(model: StatefulGRU, epochs = 80): number[] {
  const optimizer: tf.Optimizer = tf.train.adam(0.03);
  const { inputs, targets } = encodeBatch();
  const history: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    model.resetStates();
    const { value, grads } = tf.variableGrads(() => {
      const probs = model.predictProbs(inputs);
      // categorical crossentropy, averaged over timesteps and batch
      const losses = probs.map((p, t) => tf.neg(tf.sum(targets[t].mul(tf.log(p.add(1e-7))), 1)).mean());
      return tf.addN(losses).div(losses.length) as tf.Scalar;
    });
    optimizer.applyGradients(grads);
    history.push(value.dataSync()[0]);
    tf.dispose([value, grads]);
    if (epoch % 20 === 0) console.log(`epoch ${epoch} loss ${history[history.length - 1].toFixed(4)}`);
  }
  return history;
}

export function nextWordAfter(model: StatefulGRU, prefix: string): string {
  model.resetStates();
  return tf.tidy(() => {
    const ids = prefix.split(' ').map((w) => words.indexOf(w));
    const xs = ids.map((id) => tf.oneHot(new Array(batch_size).fill(id), V).toFloat() as tf.Tensor2D);
    const probs = model.predictProbs(xs);
    return words[probs[probs.length - 1].argMax(1).dataSync()[0]];
  });
}

const model = new StatefulGRU();
trainModel(model);
console.log('i like ->', nextWordAfter(model, 'i like'));
console.log('you drink ->', nextWordAfter(model, 'you drink'));
