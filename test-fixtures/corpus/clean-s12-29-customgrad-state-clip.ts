// expect: none
// Delayed-recall RNN with a custom-gradient op that clips the gradient flowing into the hidden state at every step (from a paper's appendix).
import * as tf from '@tensorflow/tfjs';

const units = 20;
const delay = 6;
const GRAD_CLIP = 1.0;

// forward: identity on the state; backward: clip dL/dh elementwise to [-GRAD_CLIP, GRAD_CLIP]
const clipGradient = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const h = args[0] as tf.Tensor;
  return {
    value: h.clone(),
    gradFunc: (dy: tf.Tensor | tf.Tensor[]) => [tf.clipByValue(dy as tf.Tensor, -GRAD_CLIP, GRAD_CLIP)],
  };
}) as (h: tf.Tensor2D) => tf.Tensor2D;

const W_x = tf.variable(tf.randomNormal([1, units], 0, 0.5), true, 'W_x');
const W_h = tf.variable(tf.randomNormal([units, units], 0, 1 / Math.sqrt(units)), true, 'W_h');
const b = tf.variable(tf.zeros([units]), true, 'b');
const W_y = tf.variable(tf.randomNormal([units, 1], 0, 0.3), true, 'W_y');

// task: the first value of the sequence must be reported at the last step; the rest is noise
export function makeBatch(batch: number): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < batch; i++) {
    const first = Math.random() < 0.5 ? -1 : 1;
    const seq = [first, ...Array.from({ length: delay }, () => (Math.random() - 0.5) * 0.2)];
    xs.push(seq.map((v) => [v]));
    ys.push([first]);
  }
  return { x: tf.tensor3d(xs), y: tf.tensor2d(ys) };
}

export function forward(x: tf.Tensor3D): tf.Tensor2D {
  let h = tf.zeros([x.shape[0], units]) as tf.Tensor2D;
  for (const x_t of tf.unstack(x, 1) as tf.Tensor2D[]) {
    const pre = tf.matMul(x_t, W_x).add(tf.matMul(h, W_h)).add(b);
    h = clipGradient(tf.tanh(pre) as tf.Tensor2D);
  }
  return tf.matMul(h, W_y) as tf.Tensor2D;
}

export function trainStep(optimizer: tf.Optimizer): { loss: number; gradNorms: Record<string, number> } {
  const { x, y } = makeBatch(32);
  const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(y, forward(x)) as tf.Scalar);
  const gradNorms: Record<string, number> = {};
  for (const [name, g] of Object.entries(grads)) gradNorms[name] = tf.tidy(() => tf.norm(g).dataSync()[0]);
  optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([x, y, value, grads]);
  return { loss, gradNorms };
}

export function main(iters = 150): void {
  const optimizer = tf.train.adam(0.01);
  for (let it = 1; it <= iters; it++) {
    const { loss, gradNorms } = trainStep(optimizer);
    if (it % 50 === 0) {
      console.log(`iter ${it} loss ${loss.toFixed(4)} |dW_x| ${gradNorms['W_x'].toFixed(4)} |dW_h| ${gradNorms['W_h'].toFixed(4)}`);
    }
  }
}

main();
