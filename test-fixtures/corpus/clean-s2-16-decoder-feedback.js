// expect: none
const tf = require('@tensorflow/tfjs');

async function greedyDecode(decoder, encoderState, startToken, maxLen, eosId) {
  let hidden = encoderState;
  let token = startToken;
  const result = [];

  while (result.length < maxLen) {
    const input = tf.tensor1d([token], 'int32');
    const { logits, hidden: nextHidden } = decoder.forward(input, hidden);
    const id = (await logits.argMax(-1).data())[0];
    input.dispose();
    logits.dispose();
    if (hidden !== encoderState) hidden.dispose();
    hidden = nextHidden;
    if (id === eosId) break;
    result.push(id);
    token = id;
  }

  if (hidden !== encoderState) hidden.dispose();
  return result;
}

module.exports = { greedyDecode };
