// expect: bptt-cut
// Traffic-flow forecaster for road sensors: GRU unrolled in a custom loop with gradient clipping and best-epoch checkpoints.
import * as tf from '@tensorflow/tfjs';

const HOURS = 24;
const U = 16;

const vars: Record<string, tf.Variable> = {
  wz: tf.variable(tf.randomNormal([1 + U, U], 0, 0.2), true, 'traffic_wz'),
  wr: tf.variable(tf.randomNormal([1 + U, U], 0, 0.2), true, 'traffic_wr'),
  wh: tf.variable(tf.randomNormal([1 + U, U], 0, 0.2), true, 'traffic_wh'),
  wo: tf.variable(tf.randomNormal([U, 1], 0, 0.2), true, 'traffic_wo'),
};

function gruStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const xh = tf.concat([x, h], 1);
  const z = tf.sigmoid(tf.matMul(xh, vars.wz));
  const r = tf.sigmoid(tf.matMul(xh, vars.wr));
  const cand = tf.tanh(tf.matMul(tf.concat([x, tf.mul(r, h)], 1), vars.wh));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), cand)) as tf.Tensor2D;
}

function sanitize(h: tf.Tensor2D): tf.Tensor2D {
  const values = Float32Array.from(h.dataSync(), (v) => (Number.isFinite(v) ? v : 0));
  return tf.tensor2d(values, h.shape);
}

export function forecast(days: tf.Tensor2D): tf.Tensor2D {
  const n = days.shape[0];
  let h: tf.Tensor2D = tf.zeros([n, U]);
  for (let t = 0; t < HOURS; t++) {
    h = sanitize(gruStep(days.slice([0, t], [n, 1]) as tf.Tensor2D, h));
  }
  return tf.matMul(h, vars.wo) as tf.Tensor2D;
}

function sensorDay(): { flow: number[]; next: number[] } {
  const peak = 0.6 + Math.random() * 0.4;
  const weekend = Math.random() < 0.3;
  const flow = Array.from({ length: HOURS + 1 }, (_, hr) => {
    const rush = weekend ? 0.3 : peak * (Math.exp(-((hr - 8) ** 2) / 4) + Math.exp(-((hr - 17) ** 2) / 5));
    return 0.1 + rush + 0.03 * Math.random();
  });
  return { flow: flow.slice(0, HOURS), next: [flow[HOURS] + (weekend ? 0 : 0.2)] };
}

function clip(grads: tf.NamedTensorMap, limit: number): { name: string; tensor: tf.Tensor }[] {
  return Object.keys(grads).map((name) => ({ name, tensor: tf.clipByValue(grads[name], -limit, limit) }));
}

export async function train(epochs: number): Promise<Record<string, number[]>> {
  const optimizer = tf.train.adam(0.01);
  const trainDs = tf.data.array(Array.from({ length: 300 }, sensorDay)).shuffle(300).batch(30);
  const valDs = tf.data.array(Array.from({ length: 60 }, sensorDay)).batch(60);
  let bestVal = Infinity;
  let checkpoint: Record<string, number[]> = {};

  for (let epoch = 1; epoch <= epochs; epoch++) {
    let lossSum = 0;
    let batches = 0;
    await trainDs.forEachAsync((raw) => {
      const { flow, next } = raw as { flow: tf.Tensor2D; next: tf.Tensor2D };
      const { value, grads } = optimizer.computeGradients(() => tf.losses.meanSquaredError(next, forecast(flow)) as tf.Scalar);
      const clipped = clip(grads, 0.5);
      optimizer.applyGradients(clipped);
      lossSum += value.dataSync()[0];
      batches++;
      tf.dispose([value, flow, next, ...Object.values(grads), ...clipped.map((c) => c.tensor)]);
    });
    let valLoss = 0;
    await valDs.forEachAsync((raw) => {
      const { flow, next } = raw as { flow: tf.Tensor2D; next: tf.Tensor2D };
      valLoss = tf.tidy(() => tf.losses.meanSquaredError(next, forecast(flow)).dataSync()[0]);
      tf.dispose([flow, next]);
    });
    const improved = valLoss < bestVal;
    if (improved) {
      bestVal = valLoss;
      checkpoint = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, Array.from(v.dataSync())]));
    }
    console.log(`epoch ${epoch}: train ${(lossSum / batches).toFixed(5)} val ${valLoss.toFixed(5)}${improved ? ' *saved*' : ''}`);
  }
  return checkpoint;
}

if (require.main === module) {
  train(8).then((ckpt) => console.log(`checkpoint holds ${Object.keys(ckpt).length} tensors`));
}
