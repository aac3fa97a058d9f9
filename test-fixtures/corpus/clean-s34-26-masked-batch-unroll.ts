// expect: none
// Batched scoring of variable-length delivery-route traces with a minimal gated unit, yielding per-step ETAs as it unrolls.
import * as tf from '@tensorflow/tfjs';

export interface RouteTrace { routeId: string; points: number[][] } // each point: [lat, lon, speed, dwell]

const FEATS = 4;
const UNITS = 32;

export interface MguWeights {
  Wf: tf.Tensor2D; Uf: tf.Tensor2D; bf: tf.Tensor1D;
  Wh: tf.Tensor2D; Uh: tf.Tensor2D; bh: tf.Tensor1D;
  Weta: tf.Tensor2D; beta: tf.Tensor1D;
}

function mguStep(w: MguWeights, x: tf.Tensor2D, h: tf.Tensor2D, m: tf.Tensor2D): tf.Tensor2D {
  const f = tf.sigmoid(x.matMul(w.Wf).add(h.matMul(w.Uf)).add(w.bf));
  const hTilde = tf.tanh(x.matMul(w.Wh).add(f.mul(h).matMul(w.Uh)).add(w.bh));
  const updated = tf.scalar(1).sub(f).mul(h).add(f.mul(hTilde));
  // padded positions keep the previous state
  return m.mul(updated).add(tf.scalar(1).sub(m).mul(h)) as tf.Tensor2D;
}

function pad(traces: RouteTrace[]): { xs: tf.Tensor3D; mask: tf.Tensor2D; maxLen: number } {
  const maxLen = Math.max(...traces.map((t) => t.points.length));
  const xs = traces.map((t) => [
    ...t.points,
    ...Array.from({ length: maxLen - t.points.length }, () => new Array(FEATS).fill(0)),
  ]);
  const mask = traces.map((t) => Array.from({ length: maxLen }, (_, i) => (i < t.points.length ? 1 : 0)));
  return { xs: tf.tensor3d(xs), mask: tf.tensor2d(mask), maxLen };
}

export function* unroll(w: MguWeights, traces: RouteTrace[]): Generator<{ t: number; etaMinutes: number[] }> {
  const { xs, mask, maxLen } = pad(traces);
  const n = traces.length;
  let h = tf.zeros([n, UNITS]) as tf.Tensor2D;
  try {
    for (let t = 0; t < maxLen; t++) {
      const [next, eta] = tf.tidy(() => {
        const x = xs.slice([0, t, 0], [n, 1, FEATS]).reshape([n, FEATS]) as tf.Tensor2D;
        const m = mask.slice([0, t], [n, 1]) as tf.Tensor2D;
        const hNew = mguStep(w, x, h, m);
        const minutes = tf.softplus(hNew.matMul(w.Weta).add(w.beta)).mul(60);
        return [hNew, minutes.reshape([n])];
      });
      h.dispose();
      h = next as tf.Tensor2D;
      const etaMinutes = Array.from(eta.dataSync() as Float32Array);
      eta.dispose();
      yield { t, etaMinutes };
    }
  } finally {
    tf.dispose([xs, mask, h]);
  }
}

export async function scoreBatches(
  w: MguWeights,
  source: AsyncIterable<RouteTrace[]>,
  sink: (routeId: string, finalEta: number, curve: number[]) => Promise<void>,
): Promise<number> {
  let routes = 0;
  for await (const batch of source) {
    const curves: number[][] = batch.map(() => []);
    for (const { t, etaMinutes } of unroll(w, batch)) {
      batch.forEach((trace, i) => {
        if (t < trace.points.length) curves[i].push(etaMinutes[i]);
      });
    }
    await Promise.all(batch.map((trace, i) => sink(trace.routeId, curves[i][curves[i].length - 1], curves[i])));
    routes += batch.length;
  }
  return routes;
}
