// A continuous-time RNN integrated with forward Euler steps.
const tf = require('@tensorflow/tfjs');

const dt = 0.1;

function euler(p, y, input) {
  return tf.tidy(() => {
    const r = tf.sigmoid(y.add(p.theta));
    const dy = y.neg().add(tf.matMul(r, p.W)).add(input);
    return y.add(dy.mul(dt).div(p.tau));
  });
}

function simulate(p, y0, inputs) {
  let y = y0;
  const rates = [];
  for (let k = 0; k < inputs.length; k++) {
    const yn = euler(p, y0, inputs[k]);
    //                  ~~ stale-state
    rates.push(tf.sigmoid(yn.add(p.theta)));
    y = yn;
  }
  return { rates, y };
}

module.exports = { simulate };
