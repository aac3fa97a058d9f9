// expect: none
// Tanh RNN decoder with dot-product attention over a padded encoder memory; greedy rollout plus masking sanity checks.
import * as tf from '@tensorflow/tfjs';

const B = 3, S = 7, d = 8, n = 16, steps = 5;

interface Dec { Wq: tf.Tensor2D; Wy: tf.Tensor2D; Wc: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D; Vo: tf.Tensor2D }

function dec(seed: number): Dec {
  const g = (r: number, c: number) => tf.randomNormal([r, c], 0, 1 / Math.sqrt(r), 'float32', seed++) as tf.Tensor2D;
  return { Wq: g(n, d), Wy: g(1, n), Wc: g(d, n), U: g(n, n), b: tf.zeros([n]), Vo: g(n, 1) };
}

// alpha = softmax(q M^T / sqrt(d) + log mask), ctx = alpha M
export function attend(p: Dec, s: tf.Tensor2D, M: tf.Tensor3D, mask: tf.Tensor2D): { ctx: tf.Tensor2D; a: tf.Tensor2D } {
  const q = tf.matMul(s, p.Wq).expandDims(1) as tf.Tensor3D;              // [B,1,d]
  const e = tf.matMul(q, M, false, true).squeeze([1]).div(Math.sqrt(d));   // [B,S]
  const a = tf.softmax(e.add(tf.sub(1, mask).mul(-1e9))) as tf.Tensor2D;
  const ctx = tf.matMul(a.expandDims(1) as tf.Tensor3D, M).squeeze([1]) as tf.Tensor2D;
  return { ctx, a };
}

// s' = tanh(Wy y + Wc ctx + U s + b),  y' = Vo s'
function decStep(p: Dec, y: tf.Tensor2D, s: tf.Tensor2D, M: tf.Tensor3D, mask: tf.Tensor2D) {
  const { ctx, a } = attend(p, s, M, mask);
  const sn = tf.tanh(tf.matMul(y, p.Wy).add(tf.matMul(ctx, p.Wc)).add(tf.matMul(s, p.U)).add(p.b)) as tf.Tensor2D;
  return { y: tf.matMul(sn, p.Vo) as tf.Tensor2D, s: sn, a };
}

export function rollout(p: Dec, M: tf.Tensor3D, mask: tf.Tensor2D, s0: tf.Tensor2D) {
  return tf.tidy(() => {
    let s = s0;
    let y = tf.zeros([B, 1]) as tf.Tensor2D;
    const ys: tf.Tensor2D[] = [], as: tf.Tensor2D[] = [];
    for (let t = 0; t < steps; t++) {
      const o = decStep(p, y, s, M, mask);
      s = o.s;
      y = o.y;
      ys.push(y);
      as.push(o.a);
    }
    return { Y: tf.concat(ys, 1), A: tf.stack(as, 1), s };
  });
}

const lens = [7, 4, 2];
const mask = tf.tensor2d(lens.map((L) => Array.from({ length: S }, (_, j) => (j < L ? 1 : 0))));
const M = tf.randomNormal([B, S, d], 0, 1, 'float32', 5).mul(mask.expandDims(2)) as tf.Tensor3D;
const p = dec(10);
const s0 = tf.randomNormal([B, n], 0, 0.1, 'float32', 6) as tf.Tensor2D;

const r1 = rollout(p, M, mask, s0);
// scribble over the padded slots: outputs must not move
const junk = tf.randomNormal([B, S, d], 0, 5, 'float32', 9).mul(tf.sub(1, mask).expandDims(2));
const r2 = rollout(p, M.add(junk) as tf.Tensor3D, mask, s0);

const padMass = r1.A.mul(tf.sub(1, mask).expandDims(1)).sum().dataSync()[0];
const moved = tf.abs(r1.Y.sub(r2.Y)).max().dataSync()[0];
const drift = tf.abs(r1.Y.slice([0, 0], [B, 1]).sub(r1.Y.slice([0, steps - 1], [B, 1]))).max().dataSync()[0];
console.log('attention mass on padding', padMass.toExponential(2));
console.log('max |dY| after corrupting padding', moved.toExponential(2));
console.log('output change first->last step', drift.toFixed(4));
console.log(r1.Y.arraySync().map((r) => (r as number[]).map((v) => v.toFixed(3)).join(' ')).join('\n'));
