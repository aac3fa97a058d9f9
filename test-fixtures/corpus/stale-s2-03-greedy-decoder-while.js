// expect: stale-state
const tf = require('@tensorflow/tfjs');

async function greedyDecode(decoder, encoderState, startToken, maxLen, eosId) {
  const hidden = encoderState;
  let token = startToken;
  const result = [];

  while (result.length < maxLen) {
    const input = tf.tensor1d([token], 'int32');
    const { logits, hidden: nextHidden } = decoder.forward(input, hidden);
    const id = (await logits.argMax(-1).data())[0];
    input.dispose();
    logits.dispose();
    if (id === eosId) break;
    result.push(id);
    token = id;
  }

  return result;
}

async function translate(encoder, decoder, srcIds, vocab) {
  const encState = encoder.encode(tf.tensor2d([srcIds], undefined, 'int32'));
  const ids = await greedyDecode(decoder, encState, vocab.BOS, 50, vocab.EOS);
  return ids.map((i) => vocab.itos[i]).join(' ');
}

module.exports = { greedyDecode, translate };
