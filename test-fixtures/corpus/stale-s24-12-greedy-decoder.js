// expect: stale-state
// Greedy decoder for our command-autocomplete service: turns an encoder summary into a token sequence.
'use strict';
const tf = require('@tensorflow/tfjs');

const VOCAB = ['<s>', '</s>', 'git', 'commit', 'push', 'pull', '-m', 'origin', 'main', '--rebase'];
const BOS = 0;
const EOS = 1;

function createDecoder({ units = 16, embedDim = 8, seed = 1 } = {}) {
  const init = (shape, s) => tf.randomNormal(shape, 0, 0.4, 'float32', seed + s);
  const params = {
    emb: init([VOCAB.length, embedDim], 0),
    wx: init([embedDim, units], 1),
    wh: init([units, units], 2),
    b: tf.zeros([units]),
    wo: init([units, VOCAB.length], 3),
  };

  const decodeStep = (tokenId, hidden) =>
    tf.tidy(() => {
      const x = tf.gather(params.emb, [tokenId]);
      const h = tf.tanh(x.matMul(params.wx).add(hidden.matMul(params.wh)).add(params.b));
      return { logits: h.matMul(params.wo), h };
    });

  return { params, decodeStep, units };
}

/**
 * @param {ReturnType<typeof createDecoder>} decoder
 * @param {tf.Tensor2D} encoderState [1, units]
 */
function greedyDecode(decoder, encoderState, { maxLen = 8, banned = new Set() } = {}) {
  const tokens = [];
  const hidden = encoderState;
  let lastHidden = encoderState;
  let token = BOS;

  while (tokens.length < maxLen) {
    const { logits, h } = decoder.decodeStep(token, hidden);
    const scores = logits.arraySync()[0].map((s, i) => (banned.has(i) ? -Infinity : s));
    logits.dispose();
    if (lastHidden !== encoderState) lastHidden.dispose();
    lastHidden = h;

    token = scores.indexOf(Math.max(...scores));
    if (token === EOS) break;
    tokens.push(token);
  }
  return { tokens: tokens.map((i) => VOCAB[i]), finalState: lastHidden };
}

async function handleRequest(req, decoder) {
  const seed = req?.body?.context ?? [];
  const enc = tf.tidy(() =>
    seed.length ? tf.tanh(tf.tensor2d([seed]).matMul(tf.ones([seed.length, decoder.units]))) : tf.zeros([1, decoder.units]),
  );
  const { tokens, finalState } = greedyDecode(decoder, enc, { banned: new Set([BOS]) });
  tf.dispose([enc, finalState]);
  return { status: 200, body: { completion: tokens.join(' ') } };
}

module.exports = { createDecoder, greedyDecode, handleRequest, VOCAB };

if (require.main === module) {
  const decoder = createDecoder();
  (async () => {
    for (const context of [[0.2, -0.1, 0.5], [], [1, 1, -1]]) {
      const res = await handleRequest({ body: { context } }, decoder);
      console.log(JSON.stringify(context), '=>', res.body.completion);
    }
    console.log('tensors:', tf.memory().numTensors);
  })();
}
