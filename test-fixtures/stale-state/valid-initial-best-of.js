// One Euler step of a continuous-time RNN tried with several kicks from the same start state: the
// best outcome is kept. Every try starts from the start on purpose.
const tf = require('@tensorflow/tfjs');

const dt = 0.1;

function euler(p, y, input) {
  return tf.tidy(() => {
    const r = tf.sigmoid(y.add(p.theta));
    const dy = y.neg().add(tf.matMul(r, p.W)).add(input);
    return y.add(dy.mul(dt).div(p.tau));
  });
}

function bestKick(p, y0, kicks, score) {
  let best = y0;
  let bestScore = -Infinity;
  for (let k = 0; k < kicks.length; k++) {
    const yn = euler(p, y0, kicks[k]);
    const s = score(yn);
    if (s > bestScore) {
      bestScore = s;
      best = yn;
    }
  }
  return best;
}

module.exports = { bestKick };
