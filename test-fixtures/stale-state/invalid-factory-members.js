// A decoder built by a factory that returns its step as a member of an object; the decode loop
// takes the decoder as a parameter and keeps feeding it the encoder's state.
const tf = require('@tensorflow/tfjs');

function createDecoder(units, vocab) {
  const params = {
    emb: tf.randomNormal([vocab, 4], 0, 0.3),
    wx: tf.randomNormal([4, units], 0, 0.3),
    wh: tf.randomNormal([units, units], 0, 0.3),
    wo: tf.randomNormal([units, vocab], 0, 0.3),
  };
  const decodeStep = (tokenId, hidden) =>
    tf.tidy(() => {
      const x = tf.gather(params.emb, [tokenId]);
      const h = tf.tanh(x.matMul(params.wx).add(hidden.matMul(params.wh)));
      return { logits: h.matMul(params.wo), h };
    });
  return { params, decodeStep };
}

function greedyDecode(decoder, encoderState, maxLen) {
  const tokens = [];
  const hidden = encoderState;
  let last = encoderState;
  let token = 0;
  while (tokens.length < maxLen) {
    const { logits, h } = decoder.decodeStep(token, hidden);
//                                                  ~~~~~~ stale-state
    token = logits.argMax(1).dataSync()[0];
    last = h;
    tokens.push(token);
  }
  return { tokens, last };
}

module.exports = { createDecoder, greedyDecode };
