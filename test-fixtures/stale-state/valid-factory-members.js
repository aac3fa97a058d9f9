// A decoder built by a factory that returns its step as a member of an object; the decode loop
// carries the state it returns. Another member runs a whole sequence per call.
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
  return {
    decodeStep,
    encode(ids, initialState) {
      let state = initialState;
      for (const id of ids) state = decodeStep(id, state).h;
      return state;
    },
  };
}

function greedyDecode(decoder, encoderState, maxLen) {
  const tokens = [];
  let hidden = encoderState;
  let token = 0;
  while (tokens.length < maxLen) {
    const { logits, h } = decoder.decodeStep(token, hidden);
    token = logits.argMax(1).dataSync()[0];
    hidden = h;
    tokens.push(token);
  }
  return { tokens, hidden };
}

function encodeAll(decoder, sentences, h0) {
  return sentences.map((ids) => decoder.encode(ids, h0));
}

module.exports = { createDecoder, greedyDecode, encodeAll };
