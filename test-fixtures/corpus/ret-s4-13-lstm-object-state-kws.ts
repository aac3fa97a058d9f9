// expect: returns-input-state
// Keyword-spotting LSTM over MFCC frames, state passed as a {h, c} object and trained with tf.variableGrads; lstmStep() computes cNext but puts the incoming c back into the returned state.
import * as tf from '@tensorflow/tfjs';

export interface LstmState { h: tf.Tensor2D; c: tf.Tensor2D }
export interface StepResult { output: tf.Tensor2D; state: LstmState }

export interface KwsConfig {
  mfccDim: number;
  units: number;
  keywords: string[];
  onStep?: (info: { iteration: number; loss: number }) => void;
}

export function createParams(cfg: KwsConfig): Record<string, tf.Variable> {
  const { mfccDim: d, units: u, keywords } = cfg;
  return {
    W: tf.variable(tf.randomNormal([d + u, 4 * u], 0, 0.05), true, 'kws/W'),
    b: tf.variable(tf.zeros([4 * u]), true, 'kws/b'),
    Wout: tf.variable(tf.randomNormal([u, keywords.length + 1], 0, 0.05), true, 'kws/Wout'),
    bout: tf.variable(tf.zeros([keywords.length + 1]), true, 'kws/bout'),
  };
}

export function lstmStep(p: Record<string, tf.Variable>, x: tf.Tensor2D, state: LstmState): StepResult {
  const { h, c } = state;
  const z = tf.matMul(tf.concat([x, h], 1), p.W as tf.Tensor2D).add(p.b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
  const output = tf.matMul(hNext, p.Wout as tf.Tensor2D).add(p.bout) as tf.Tensor2D;
  return { output, state: { h: hNext, c } };
}

function zeroState(batch: number, units: number): LstmState {
  return { h: tf.zeros([batch, units]), c: tf.zeros([batch, units]) };
}

export function sequenceLogits(p: Record<string, tf.Variable>, frames: tf.Tensor3D, units: number): tf.Tensor2D {
  const [batch, steps, dim] = frames.shape;
  let state = zeroState(batch, units);
  let logits = tf.zeros([batch, p.bout.shape[0]]) as tf.Tensor2D;
  for (let t = 0; t < steps; t++) {
    const x = frames.slice([0, t, 0], [batch, 1, dim]).reshape([batch, dim]) as tf.Tensor2D;
    const res = lstmStep(p, x, state);
    state = res.state;
    logits = res.output;
  }
  return logits;
}

export async function train(
  cfg: KwsConfig,
  batches: AsyncIterable<{ frames: tf.Tensor3D; labels: tf.Tensor2D }>,
): Promise<Record<string, tf.Variable>> {
  const params = createParams(cfg);
  const opt = tf.train.adam(1e-3);
  let iteration = 0;
  for await (const { frames, labels } of batches) {
    const { value, grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(labels, sequenceLogits(params, frames, cfg.units)) as tf.Scalar,
      Object.values(params),
    );
    opt.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
    cfg.onStep?.({ iteration, loss: (await value.data())[0] });
    tf.dispose([value, frames, labels]);
    tf.dispose(Object.values(grads));
    iteration += 1;
  }
  return params;
}
