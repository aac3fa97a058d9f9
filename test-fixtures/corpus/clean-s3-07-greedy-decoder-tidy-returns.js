// expect: none
// Greedy seq2seq decoding with a while loop: each step runs inside tf.tidy and returns both the logits-derived token tensor and the new state, which replaces the old (disposed) one.
import * as tf from '@tensorflow/tfjs';

export function makeDecoder({ embedding, W, U, b, Wout, bout }) {
  const step = (tokenId, state) => {
    const x = tf.gather(embedding, tf.tensor1d([tokenId], 'int32'));
    const next = tf.tanh(x.matMul(W).add(state.matMul(U)).add(b));
    const logits = next.matMul(Wout).add(bout);
    return { logits, next };
  };

  return function decode(encoderState, { bos, eos, maxLen = 50 }) {
    let state = encoderState.clone();
    let token = bos;
    const out = [];
    while (out.length < maxLen) {
      const [tokenT, newState] = tf.tidy(() => {
        const { logits, next } = step(token, state);
        return [logits.argMax(1), next];
      });
      state.dispose();
      state = newState;
      token = tokenT.dataSync()[0];
      tokenT.dispose();
      if (token === eos) break;
      out.push(token);
    }
    state.dispose();
    return out;
  };
}
