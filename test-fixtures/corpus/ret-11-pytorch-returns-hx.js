// expect: returns-input-state
const tf = require('@tensorflow/tfjs');

class GRUCellPort {
  constructor(w) {
    this.w = w;
  }

  forward(inp, hx) {
    const gi = tf.matMul(inp, this.w.ih, false, true);
    const gh = tf.matMul(hx, this.w.hh, false, true);
    const [iR, iZ, iN] = tf.split(gi, 3, 1);
    const [hR, hZ, hN] = tf.split(gh, 3, 1);
    const r = tf.sigmoid(iR.add(hR));
    const z = tf.sigmoid(iZ.add(hZ));
    const n = tf.tanh(iN.add(r.mul(hN)));
    const hy = n.add(z.mul(hx.sub(n)));
    const output = hy.matMul(this.w.out);
    return [output, hx];
  }
}

module.exports = { GRUCellPort };
