// expect: bptt-cut
// Trains a sequence-to-one RNN on daily sales histories with explicit variableGrads and resumes from a JSON weight checkpoint.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync, writeFileSync } from 'fs';

const HIDDEN = 40;
const FEATURES = 7;
const CKPT_PATH = './sales-rnn.ckpt.json';

type Params = Record<'wx' | 'wh' | 'b' | 'wo' | 'bo', tf.Variable>;

function createParams(): Params {
  const saved = existsSync(CKPT_PATH) ? JSON.parse(readFileSync(CKPT_PATH, 'utf8')) : null;
  const make = (name: string, shape: number[], init: () => tf.Tensor) =>
    tf.variable(saved ? tf.tensor(saved[name], shape) : init(), true, name);
  return {
    wx: make('wx', [FEATURES, HIDDEN], () => tf.randomNormal([FEATURES, HIDDEN], 0, 0.1)),
    wh: make('wh', [HIDDEN, HIDDEN], () => tf.randomNormal([HIDDEN, HIDDEN], 0, 0.1)),
    b: make('b', [HIDDEN], () => tf.zeros([HIDDEN])),
    wo: make('wo', [HIDDEN, 1], () => tf.randomNormal([HIDDEN, 1], 0, 0.1)),
    bo: make('bo', [1], () => tf.zeros([1])),
  };
}

const detach = <T extends tf.Tensor>(t: T): T => tf.tensor(t.dataSync(), t.shape, t.dtype) as T;

function cell(p: Params, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(h, p.wh)), p.b)) as tf.Tensor2D;
}

function lossFn(p: Params, seq: tf.Tensor3D, target: tf.Tensor2D): tf.Scalar {
  const steps = tf.unstack(seq, 1) as tf.Tensor2D[];
  let h: tf.Tensor2D = tf.zeros([seq.shape[0], HIDDEN]);
  for (const x of steps) {
    h = detach(cell(p, x, h));
  }
  const pred = tf.add(tf.matMul(h, p.wo), p.bo);
  return tf.losses.huberLoss(target, pred) as tf.Scalar;
}

function saveParams(p: Params): void {
  const out: Record<string, number[]> = {};
  for (const [name, v] of Object.entries(p)) out[name] = Array.from(v.dataSync());
  writeFileSync(CKPT_PATH, JSON.stringify(out));
}

export function train(seqs: number[][][], targets: number[], epochs = 50): void {
  const p = createParams();
  const optimizer = tf.train.adam(1e-3);
  const xs = tf.tensor3d(seqs);
  const ys = tf.tensor2d(targets, [targets.length, 1]);

  for (let epoch = 0; epoch < epochs; epoch++) {
    const { value, grads } = tf.variableGrads(() => lossFn(p, xs, ys), Object.values(p));
    optimizer.applyGradients(grads);
    const loss = value.dataSync()[0];
    tf.dispose([value, ...Object.values(grads)]);
    if (epoch % 10 === 0) {
      saveParams(p);
      console.log(`epoch ${epoch} loss=${loss.toFixed(4)} tensors=${tf.memory().numTensors}`);
    }
  }
  saveParams(p);
  tf.dispose([xs, ys]);
}
