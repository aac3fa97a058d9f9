// expect: unused-hidden-state
// Factory returning { step, reset } around a private Elman state; step builds `withRecurrence` from h but returns tanh(pre), so the new state ignores the previous one.
const tf = require('@tensorflow/tfjs');

/**
 * Creates a recurrent feature extractor that keeps its own state between
 * calls. Call reset() whenever a new, unrelated sequence starts.
 * @param {number} inDim
 * @param {number} units
 */
function createRecurrentUnit(inDim, units) {
  const Wx = tf.variable(tf.randomNormal([inDim, units], 0, 1 / Math.sqrt(inDim)));
  const Wh = tf.variable(tf.randomNormal([units, units], 0, 1 / Math.sqrt(units)));
  const b = tf.variable(tf.zeros([units]));
  let h = tf.zeros([1, units]);

  /**
   * @param {tf.Tensor2D} x shape [1, inDim]
   * @returns {tf.Tensor2D} the new state (a copy the caller owns)
   */
  function step(x) {
    const next = tf.tidy(() => {
      const pre = x.matMul(Wx).add(b);
      const withRecurrence = pre.add(h.matMul(Wh));
      return tf.tanh(pre);
    });
    h.dispose();
    h = next;
    return next.clone();
  }

  function reset() {
    h.dispose();
    h = tf.zeros([1, units]);
  }

  function dispose() {
    h.dispose();
    [Wx, Wh, b].forEach((v) => v.dispose());
  }

  return { step, reset, dispose, units };
}

/**
 * Turns each keystroke-timing session into a fixed-size fingerprint.
 * @param {number[][][]} sessions sessions -> events -> features
 */
function fingerprintSessions(sessions) {
  const unit = createRecurrentUnit(sessions[0][0].length, 16);
  const prints = [];
  for (const events of sessions) {
    unit.reset();
    let last = null;
    for (const ev of events) {
      if (last) last.dispose();
      const x = tf.tensor2d([ev]);
      last = unit.step(x);
      x.dispose();
    }
    prints.push(Array.from(last.dataSync()));
    last.dispose();
  }
  unit.dispose();
  return prints;
}

function cosine(a, b) {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / (Math.sqrt(na * nb) || 1);
}

if (require.main === module) {
  tf.setBackend('cpu').then(() => {
    const mk = (n) => Array.from({ length: n }, () => [Math.random(), Math.random() * 0.2, 1]);
    const [a, b] = fingerprintSessions([mk(12), mk(9)]);
    console.log('similarity', cosine(a, b).toFixed(3));
  });
}

module.exports = { createRecurrentUnit, fingerprintSessions };
