// expect: none
// Luong-style attention decoder step: softmax over alignment scores, then tanh over [context; h] for the attentional vector; LSTM gates are sigmoid times tanh, no activation is applied twice.
import * as tf from '@tensorflow/tfjs';

export interface AttnParams {
  wGates: tf.Tensor2D; // [emb + units + units, 4 * units] (input feeding)
  bGates: tf.Tensor1D;
  wAlign: tf.Tensor2D; // [units, units] (general score)
  wCombine: tf.Tensor2D; // [2 * units, units]
  wOut: tf.Tensor2D; // [units, vocab]
  embedding: tf.Tensor2D; // [vocab, emb]
}

export interface DecoderState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
  attentional: tf.Tensor2D; // h~_{t-1}, fed back with the next input
}

export function decoderStep(
  p: AttnParams,
  token: tf.Tensor1D, // [batch] int32
  state: DecoderState,
  encoderOutputs: tf.Tensor3D, // [batch, srcLen, units]
): { logits: tf.Tensor2D; state: DecoderState; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    const emb = tf.gather(p.embedding, token) as tf.Tensor2D;
    const xin = tf.concat([emb, state.attentional, state.h], 1);
    const z = tf.add(tf.matMul(xin, p.wGates), p.bGates);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const c = tf.add(tf.mul(tf.sigmoid(zf), state.c), tf.mul(tf.sigmoid(zi), tf.tanh(zg))) as tf.Tensor2D;
    const h = tf.mul(tf.sigmoid(zo), tf.tanh(c)) as tf.Tensor2D;

    // score(h, s) = h W s, normalised over source positions
    const query = tf.matMul(h, p.wAlign).expandDims(2); // [batch, units, 1]
    const scores = tf.matMul(encoderOutputs, query).squeeze([2]); // [batch, srcLen]
    const weights = tf.softmax(scores) as tf.Tensor2D;
    const context = tf.sum(tf.mul(encoderOutputs, weights.expandDims(2)), 1) as tf.Tensor2D;

    const attentional = tf.tanh(tf.matMul(tf.concat([context, h], 1), p.wCombine)) as tf.Tensor2D;
    const logits = tf.matMul(attentional, p.wOut) as tf.Tensor2D;
    return { logits, state: { h, c, attentional }, weights };
  });
}

export function greedyDecode(
  p: AttnParams,
  encoderOutputs: tf.Tensor3D,
  encoderFinal: { h: tf.Tensor2D; c: tf.Tensor2D },
  bos: number,
  eos: number,
  maxLen = 30,
): number[][] {
  const batch = encoderOutputs.shape[0];
  const units = encoderFinal.h.shape[1];
  let state: DecoderState = {
    h: encoderFinal.h.clone(),
    c: encoderFinal.c.clone(),
    attentional: tf.zeros([batch, units]),
  };
  let tokens = tf.fill([batch], bos, 'int32') as tf.Tensor1D;
  const result: number[][] = Array.from({ length: batch }, () => []);
  const done = new Array<boolean>(batch).fill(false);

  for (let t = 0; t < maxLen && !done.every(Boolean); t++) {
    const step = decoderStep(p, tokens, state, encoderOutputs);
    tf.dispose([state.h, state.c, state.attentional, tokens, step.weights]);
    state = step.state;
    tokens = tf.tidy(() => tf.argMax(step.logits, 1).toInt() as tf.Tensor1D);
    step.logits.dispose();
    const ids = tokens.arraySync();
    ids.forEach((id, b) => {
      if (!done[b]) {
        if (id === eos) done[b] = true;
        else result[b].push(id);
      }
    });
  }
  tf.dispose([state.h, state.c, state.attentional, tokens]);
  return result;
}
