// expect: none
// Zoneout-regularised LSTM (Krueger et al., 2017) for character-level sentiment classification of short reviews.
import * as tf from '@tensorflow/tfjs';

type LSTMState = { h: tf.Tensor2D; c: tf.Tensor2D };

class ZoneoutLSTM {
  readonly W: tf.Variable<tf.Rank.R2>;
  readonly U: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;

  constructor(inputDim: number, readonly units: number, readonly zc = 0.5, readonly zh = 0.05) {
    this.W = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 1 / Math.sqrt(inputDim)));
    this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 1 / Math.sqrt(units)));
    const bias = new Float32Array(4 * units);
    bias.fill(1, units, 2 * units); // forget-gate bias of 1
    this.b = tf.variable(tf.tensor1d(bias));
  }

  zeroState(batch: number): LSTMState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  // Each unit keeps its previous value with probability `rate`; at test time use the expectation.
  private zone(prev: tf.Tensor2D, next: tf.Tensor2D, rate: number, training: boolean): tf.Tensor2D {
    if (!training) return tf.add(tf.mul(prev, rate), tf.mul(next, 1 - rate));
    const keepPrev = tf.cast(tf.less(tf.randomUniform(prev.shape), rate), 'float32');
    return tf.add(tf.mul(keepPrev, prev), tf.mul(tf.sub(1, keepPrev), next));
  }

  step(x: tf.Tensor2D, state: LSTMState, training: boolean): LSTMState {
    const z = tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(state.h, this.U)), this.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const cTilde: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(zf), state.c), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
    const hTilde: tf.Tensor2D = tf.mul(tf.sigmoid(zo), tf.tanh(cTilde));
    return {
      c: this.zone(state.c, cTilde, this.zc, training),
      h: this.zone(state.h, hTilde, this.zh, training),
    };
  }
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz .,!?\'';
const EMBED = 24;
const UNITS = 96;

const embedding = tf.variable(tf.randomNormal([ALPHABET.length + 1, EMBED], 0, 0.1));
const lstm = new ZoneoutLSTM(EMBED, UNITS);
const Wo = tf.variable(tf.randomNormal([UNITS, 2], 0, 0.05));
const bo = tf.variable(tf.zeros([2]));

function encode(texts: string[], maxLen: number): tf.Tensor2D {
  const ids = texts.map((s) => {
    const row = Array.from(s.toLowerCase().slice(0, maxLen), (ch) => ALPHABET.indexOf(ch) + 1);
    while (row.length < maxLen) row.unshift(0); // left-pad so the last step is real text
    return row;
  });
  return tf.tensor2d(ids, [texts.length, maxLen], 'int32');
}

function logits(ids: tf.Tensor2D, training: boolean): tf.Tensor2D {
  const [batch, len] = ids.shape;
  const emb = tf.gather(embedding, ids) as tf.Tensor3D;
  let state = lstm.zeroState(batch);
  for (let t = 0; t < len; t++) {
    const x = emb.slice([0, t, 0], [batch, 1, EMBED]).reshape([batch, EMBED]) as tf.Tensor2D;
    state = lstm.step(x, state, training);
  }
  return tf.add(tf.matMul(state.h, Wo), bo);
}

const optimizer = tf.train.adam(3e-3);

export async function fit(texts: string[], labels: number[], epochs = 10, batchSize = 16): Promise<void> {
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    for (let i = 0; i < texts.length; i += batchSize) {
      const ids = encode(texts.slice(i, i + batchSize), 80);
      const ys = tf.oneHot(tf.tensor1d(labels.slice(i, i + batchSize), 'int32'), 2);
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, logits(ids, true)) as tf.Scalar, true)!;
      total += (await loss.data())[0];
      tf.dispose([ids, ys, loss]);
    }
    console.log(`epoch ${e + 1}: loss ${(total / Math.ceil(texts.length / batchSize)).toFixed(4)}`);
  }
}

export function predict(texts: string[]): number[] {
  return tf.tidy(() => {
    const probs = tf.softmax(logits(encode(texts, 80), false));
    return Array.from(probs.slice([0, 1], [texts.length, 1]).dataSync());
  });
}
