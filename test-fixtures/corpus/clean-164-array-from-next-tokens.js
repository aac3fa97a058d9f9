// expect: none
// Log-probability of each possible next token, each from the same current state (a one-step
// lookahead used to pick the token); the real state advances once afterwards.
import * as tf from '@tensorflow/tfjs';

export function pickNext(step, readout, embed, nextTokens, h) {
  const logps = Array.from(nextTokens, (tok) => tf.tidy(() => tf.max(tf.logSoftmax(readout(step(embed(tok), h)))).dataSync()[0]));
  const best = nextTokens[logps.indexOf(Math.max(...logps))];
  return { best, h: step(embed(best), h) };
}
