// expect: bptt-cut
// Small GRU language model over product names, trained with tf.variableGrads and a hand-rolled SGD-with-clipping update.
const tf = require('@tensorflow/tfjs');

class GRU {
  constructor(inDim, units) {
    this.units = units;
    this.W = tf.variable(tf.randomNormal([inDim, 3 * units], 0, 0.2), true, 'gru_W');
    this.U = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.2), true, 'gru_U');
    this.b = tf.variable(tf.zeros([3 * units]), true, 'gru_b');
  }

  forward(x, h) {
    const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, this.W), this.b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.U), 3, 1);
    const z = tf.sigmoid(xz.add(hz));
    const r = tf.sigmoid(xr.add(hr));
    const n = tf.tanh(xn.add(r.mul(hn)));
    return tf.sub(1, z).mul(n).add(z.mul(h));
  }
}

class NameModel {
  constructor(alphabet, units = 48) {
    this.alphabet = alphabet;
    this.V = alphabet.length;
    this.gru = new GRU(this.V, units);
    this.out = tf.variable(tf.randomNormal([units, this.V], 0, 0.2), true, 'out_W');
  }

  encode(name) {
    return tf.oneHot(tf.tensor1d(Array.from(name, (c) => this.alphabet.indexOf(c)), 'int32'), this.V);
  }

  nameLoss(name) {
    const chars = tf.unstack(this.encode(name)).map((c) => c.expandDims(0));
    let state = tf.zeros([1, this.gru.units]);
    const losses = [];
    for (let t = 0; t + 1 < chars.length; t++) {
      const h = this.gru.forward(chars[t], state);
      losses.push(tf.losses.softmaxCrossEntropy(chars[t + 1], tf.matMul(h, this.out)));
      state = tf.tensor(h.dataSync(), h.shape);
    }
    return tf.addN(losses).div(losses.length);
  }
}

function clip(grad, maxNorm) {
  return tf.tidy(() => {
    const norm = tf.norm(grad).dataSync()[0];
    return norm > maxNorm ? grad.mul(maxNorm / norm) : grad.clone();
  });
}

function train(model, names, { epochs = 3, lr = 0.1 } = {}) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (const name of names) {
      const { value, grads } = tf.variableGrads(() => model.nameLoss(name));
      total += value.dataSync()[0];
      tf.tidy(() => {
        for (const [varName, g] of Object.entries(grads)) {
          const v = tf.engine().registeredVariables[varName];
          v.assign(v.sub(clip(g, 5).mul(lr)));
        }
      });
      tf.dispose([value, grads]);
    }
    console.log(`epoch ${epoch}: mean loss ${(total / names.length).toFixed(3)}`);
  }
}

module.exports = { GRU, NameModel, train };

if (require.main === module) {
  const names = ['^widget$', '^gadget$', '^gizmo$', '^doohickey$', '^sprocket$'];
  const alphabet = Array.from(new Set(names.join(''))).sort();
  const model = new NameModel(alphabet);
  train(model, names);
}
