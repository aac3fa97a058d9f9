// expect: none
// tfjs-examples "translation" style: a functional encoder/decoder LSTM trained with teacher forcing, then split into an encoder model and a step-wise decoder model whose returned h/c are fed back as initialState on each greedy decoding step.
const tf = require('@tensorflow/tfjs');

function buildModels(numEncoderTokens, numDecoderTokens, latentDim = 256) {
  const encoderInputs = tf.input({ shape: [null, numEncoderTokens], name: 'encoderInputs' });
  const encoderLstm = tf.layers.lstm({ units: latentDim, returnState: true, name: 'encoderLstm' });
  const [, stateH, stateC] = encoderLstm.apply(encoderInputs);

  const decoderInputs = tf.input({ shape: [null, numDecoderTokens], name: 'decoderInputs' });
  const decoderLstm = tf.layers.lstm({ units: latentDim, returnSequences: true, returnState: true, name: 'decoderLstm' });
  const [decoderSeq] = decoderLstm.apply(decoderInputs, { initialState: [stateH, stateC] });
  const decoderDense = tf.layers.dense({ units: numDecoderTokens, activation: 'softmax', name: 'decoderDense' });
  const training = tf.model({ inputs: [encoderInputs, decoderInputs], outputs: decoderDense.apply(decoderSeq) });

  const encoder = tf.model({ inputs: encoderInputs, outputs: [stateH, stateC] });
  const hIn = tf.input({ shape: [latentDim], name: 'decoderStateH' });
  const cIn = tf.input({ shape: [latentDim], name: 'decoderStateC' });
  const [stepSeq, hOut, cOut] = decoderLstm.apply(decoderInputs, { initialState: [hIn, cIn] });
  const decoder = tf.model({ inputs: [decoderInputs, hIn, cIn], outputs: [decoderDense.apply(stepSeq), hOut, cOut] });
  return { training, encoder, decoder };
}

function oneHotSeq(text, index, maxLen, depth) {
  const buf = tf.buffer([1, maxLen, depth]);
  [...text].slice(0, maxLen).forEach((ch, t) => buf.set(1, 0, t, index.get(ch)));
  return buf.toTensor();
}

async function trainTranslator(pairs, meta, { epochs = 30, onEpoch } = {}) {
  const { inputIndex, targetIndex, maxEncLen, maxDecLen } = meta;
  const models = buildModels(inputIndex.size, targetIndex.size);
  const enc = tf.concat(pairs.map(([src]) => oneHotSeq(src, inputIndex, maxEncLen, inputIndex.size)));
  const dec = tf.concat(pairs.map(([, tgt]) => oneHotSeq(`\t${tgt}\n`, targetIndex, maxDecLen, targetIndex.size)));
  const target = tf.concat([dec.slice([0, 1, 0]), tf.zeros([pairs.length, 1, targetIndex.size])], 1);
  models.training.compile({ optimizer: 'rmsprop', loss: 'categoricalCrossentropy' });
  await models.training.fit([enc, dec], target, {
    epochs, batchSize: 64, validationSplit: 0.2,
    callbacks: { onEpochEnd: async (e, logs) => onEpoch && onEpoch(e, logs) },
  });
  tf.dispose([enc, dec, target]);
  return models;
}

function decodeSequence(models, meta, sourceText) {
  const { inputIndex, targetIndex, reverseTarget, maxEncLen, maxDecLen } = meta;
  const src = oneHotSeq(sourceText, inputIndex, maxEncLen, inputIndex.size);
  let [h, c] = models.encoder.predict(src);
  src.dispose();
  let token = oneHotSeq('\t', targetIndex, 1, targetIndex.size);
  let decoded = '';
  while (decoded.length < maxDecLen) {
    const [probs, hNext, cNext] = models.decoder.predict([token, h, c]);
    const idx = tf.tidy(() => probs.reshape([-1]).argMax().dataSync()[0]);
    tf.dispose([probs, token, h, c]);
    h = hNext;
    c = cNext;
    const ch = reverseTarget[idx];
    if (ch === '\n') break;
    decoded += ch;
    token = oneHotSeq(ch, targetIndex, 1, targetIndex.size);
  }
  tf.dispose([token, h, c]);
  return decoded;
}

module.exports = { buildModels, trainTranslator, decodeSequence };
