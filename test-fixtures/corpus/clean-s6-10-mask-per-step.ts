// expect: none
// A two-layer recurrent POS tagger with variational recurrent dropout: one dropout mask per layer is sampled per batch and reused at every step.
import * as tf from '@tensorflow/tfjs';

interface LayerParams {
  units: number;
  W: tf.Variable;
  U: tf.Variable;
  b: tf.Variable;
}

const EMBED = 50;
const TAGS = 17;
const RATE = 0.25;

function layerParams(inputDim: number, units: number): LayerParams {
  return {
    units,
    W: tf.variable(tf.randomNormal([inputDim, units], 0, 0.05)),
    U: tf.variable(tf.randomNormal([units, units], 0, 0.05)),
    b: tf.variable(tf.zeros([units])),
  };
}

const layers: LayerParams[] = [layerParams(EMBED, 64), layerParams(64, 64)];
const Wtag = tf.variable(tf.randomNormal([64, TAGS], 0, 0.05));
const optimizer = tf.train.adam(1e-3);

function step(p: LayerParams, x: tf.Tensor2D, hPrev: tf.Tensor2D, dropMask: tf.Tensor2D): tf.Tensor2D {
  const recurrent = tf.matMul(tf.mul(hPrev, dropMask), p.U);
  return tf.tanh(tf.add(tf.add(tf.matMul(x, p.W), recurrent), p.b));
}

function sampleMasks(batch: number, training: boolean): tf.Tensor2D[] {
  return layers.map((p) => {
    if (!training) return tf.ones([batch, p.units]) as tf.Tensor2D;
    const keep = tf.cast(tf.greater(tf.randomUniform([batch, p.units]), RATE), 'float32');
    return tf.div(keep, 1 - RATE) as tf.Tensor2D;
  });
}

// xs: [batch, time, EMBED] -> tag logits [batch, time, TAGS]
export function forward(xs: tf.Tensor3D, training: boolean): tf.Tensor3D {
  const [batch, time] = xs.shape;
  const masks = sampleMasks(batch, training);
  let states: tf.Tensor2D[] = layers.map((p) => tf.zeros([batch, p.units]) as tf.Tensor2D);
  const outputs: tf.Tensor2D[] = [];

  for (let t = 0; t < time; t++) {
    let inp = tf.reshape(tf.slice(xs, [0, t, 0], [batch, 1, EMBED]), [batch, EMBED]) as tf.Tensor2D;
    const next: tf.Tensor2D[] = [];
    for (let l = 0; l < layers.length; l++) {
      const h = step(layers[l], inp, states[l], masks[l]);
      next.push(h);
      inp = h;
    }
    states = next;
    outputs.push(tf.matMul(inp, Wtag));
  }
  return tf.stack(outputs, 1) as tf.Tensor3D;
}

export function trainBatch(xs: tf.Tensor3D, tags: tf.Tensor2D): number {
  const loss = optimizer.minimize(() => {
    const logits = forward(xs, true);
    const y = tf.oneHot(tf.cast(tags, 'int32'), TAGS);
    return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
  }, true);
  const v = loss!.dataSync()[0];
  loss!.dispose();
  return v;
}

export function predict(xs: tf.Tensor3D): number[][] {
  return tf.tidy(() => forward(xs, false).argMax(-1).arraySync() as number[][]);
}
