// expect: unused-hidden-state
// step-wise GRU decoder built with the functional API so the game UI can drive it one token at a time
import * as tf from '@tensorflow/tfjs';

const VOCAB = 14;
const EMB = 8;
const UNITS = 16;
const END_TOKEN = 13;

export function buildStepModel(): tf.LayersModel {
  const tokIn = tf.input({ shape: [1], name: 'token' });
  const stateIn = tf.input({ shape: [UNITS], name: 'state' });
  const emb = tf.layers.embedding({ inputDim: VOCAB, outputDim: EMB, name: 'emb' }).apply(tokIn) as tf.SymbolicTensor;
  const gru = tf.layers.gru({ units: UNITS, returnState: true, name: 'dec_gru' });
  const [seqOut, stateOut] = gru.apply(emb) as tf.SymbolicTensor[];
  const probs = tf.layers.dense({ units: VOCAB, activation: 'softmax', name: 'head' }).apply(seqOut) as tf.SymbolicTensor;
  return tf.model({ inputs: [tokIn, stateIn], outputs: [probs, stateOut] });
}

export const stepModel = buildStepModel();

function argmax(a: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
  return best;
}

// greedy decode from a start token and an initial state (e.g. from an encoder)
export function decode(startTok: number, initState: tf.Tensor2D, maxLen = 12): number[] {
  let state = initState.clone();
  let tok = startTok;
  const out: number[] = [];
  for (let i = 0; i < maxLen; i++) {
    const tokT = tf.tensor2d([[tok]]);
    const [probs, nextState] = stepModel.predict([tokT, state]) as tf.Tensor[];
    tok = argmax(probs.dataSync());
    tf.dispose([tokT, probs, state]);
    state = nextState as tf.Tensor2D;
    if (tok === END_TOKEN) break;
    out.push(tok);
  }
  state.dispose();
  return out;
}

async function demo() {
  console.log('decoder params:', stepModel.countParams());
  const encoderStates = [tf.randomNormal([1, UNITS]), tf.randomNormal([1, UNITS], 0, 2), tf.zeros([1, UNITS])];
  for (const [i, s] of encoderStates.entries()) {
    const seq = decode(1, s as tf.Tensor2D);
    console.log(`context ${i}:`, seq.join(' '));
    await tf.nextFrame();
  }
  tf.dispose(encoderStates);
  console.log('tensors', tf.memory().numTensors);
}

if (require.main === module) demo();
