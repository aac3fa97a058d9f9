// expect: none
// Update-gate RNN (UGRNN) assembled from our Projection base and a Gating mixin, used by the route-time estimator.
const tf = require('@tensorflow/tfjs');

class Projection {
  constructor(inputDim, units, seed = 80) {
    this.inputDim = inputDim;
    this.units = units;
    this.seed = seed;
    this.params = [];
  }

  affine(name, fanIn) {
    const W = tf.variable(tf.randomNormal([fanIn, this.units], 0, 0.3, 'float32', this.seed + this.params.length));
    const b = tf.variable(tf.zeros([this.units]));
    this.params.push(W, b);
    this[name] = { W, b };
    return this[name];
  }

  apply(layer, input) {
    return tf.add(tf.matMul(input, layer.W), layer.b);
  }
}

const Gating = (Base) => class extends Base {
  gate(layer, input) {
    return tf.sigmoid(this.apply(layer, input));
  }

  candidate(layer, input) {
    return tf.tanh(this.apply(layer, input));
  }

  interpolate(g, keep, write) {
    return tf.add(tf.mul(g, keep), tf.mul(tf.sub(1, g), write));
  }
};

class UGRNNCell extends Gating(Projection) {
  constructor(inputDim, units, seed) {
    super(inputDim, units, seed);
    this.affine('updateLayer', inputDim + units);
    this.affine('candLayer', inputDim + units);
    this.affine('outLayer', inputDim + units);
  }

  step(x, h) {
    const xh = tf.concat([x, h], 1);
    const g = this.gate(this.updateLayer, xh);
    const c = this.candidate(this.candLayer, xh);
    const hNext = this.interpolate(g, h, c);
    const o = this.gate(this.outLayer, xh);
    return { y: tf.mul(o, tf.tanh(hNext)), h: hNext };
  }
}

function estimateLegs(cell, routes) {
  return routes.map((legs) => tf.tidy(() => {
    let h = tf.zeros([1, cell.units]);
    let y = null;
    for (const leg of legs) {
      const r = cell.step(tf.tensor2d([leg]), h);
      h = r.h;
      y = r.y;
    }
    return y.sum().dataSync()[0];
  }));
}

module.exports = { Projection, Gating, UGRNNCell, estimateLegs };

if (require.main === module) {
  const cell = new UGRNNCell(3, 5, 90);
  const routes = [
    [[1.2, 0.3, 0], [0.4, 0.9, 1], [2.0, 0.1, 0]],
    [[0.2, 0.2, 1], [0.3, 0.1, 1]],
  ];
  console.log(estimateLegs(cell, routes).map((v) => v.toFixed(4)));
}
