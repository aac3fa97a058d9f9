// Samples a drum groove from a step model that takes the token and the LSTM state [h, c].
const tf = require('@tensorflow/tfjs');

async function generateGroove(model, steps, units) {
  let state = [tf.zeros([1, units]), tf.zeros([1, units])];
  let token = 5;
  const pattern = [token];
  for (let i = 1; i < steps; i++) {
    const out = model.predict([tf.tensor2d([[token]]), state[0], state[1]]);
    //                                                 ~~~~~ stale-state
    token = (await tf.multinomial(tf.log(out[0]), 1).data())[0];
    pattern.push(token);
  }
  return pattern;
}

module.exports = { generateGroove };
