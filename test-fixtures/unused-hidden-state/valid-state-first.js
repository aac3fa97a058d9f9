// Quasi-recurrent pooling over per-step gates and candidates: c_t = f_t * c_{t-1} + (1 - f_t) * z_t.
const tf = require('@tensorflow/tfjs');

function fPool(c, f, z) {
  return f.mul(c).add(tf.sub(1, f).mul(z));
}

function pool(fs, zs) {
  let c = tf.zerosLike(zs[0]);
  const cs = [];
  for (let t = 0; t < zs.length; t++) {
    c = fPool(c, fs[t], zs[t]);
    cs.push(c);
  }
  return cs;
}

function poolEach(pairs) {
  let c = tf.zerosLike(pairs[0].z);
  pairs.forEach((p) => { c = fPool(c, p.f, p.z); });
  return c;
}

module.exports = { pool, poolEach };
