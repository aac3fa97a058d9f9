// expect: bptt-cut
// Cursor-smoothing model for the drawing app: the worker predicts and also trains on the user's own strokes.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

export const H = 16;

export class Smoother {
  readonly Wx = tf.variable(tf.randomNormal([2, H], 0, 0.4, 'float32', 1));
  readonly Wh = tf.variable(tf.randomNormal([H, H], 0, 0.3, 'float32', 2));
  readonly b = tf.variable(tf.zeros([H]));
  readonly Wy = tf.variable(tf.randomNormal([H, 2], 0, 0.3, 'float32', 3));
  private readonly optimizer = tf.train.adam(0.01);

  /**
   * One step. State travels as a Float32Array so the page can hold it between
   * pointer events and transfer it to the worker with postMessage.
   */
  step(point: [number, number], state: Float32Array): { out: tf.Tensor2D; state: Float32Array } {
    const x = tf.tensor2d([point]);
    const h = tf.tensor2d(state, [1, H]);
    const hNext = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)).add(this.b));
    return { out: hNext.matMul(this.Wy) as tf.Tensor2D, state: hNext.dataSync() as Float32Array };
  }

  smooth(point: [number, number], state: Float32Array): { point: [number, number]; state: Float32Array } {
    return tf.tidy(() => {
      const r = this.step(point, state);
      const [dx, dy] = r.out.dataSync();
      return { point: [point[0] + dx, point[1] + dy] as [number, number], state: r.state };
    });
  }

  /** Teach the model to map a raw stroke onto the corrected stroke the user kept. */
  fit(raw: Array<[number, number]>, target: Array<[number, number]>): number {
    const loss = this.optimizer.minimize(() => {
      let state: Float32Array = new Float32Array(H);
      let total = tf.scalar(0);
      raw.forEach((p, t) => {
        const r = this.step(p, state);
        state = r.state;
        const want = tf.tensor2d([[target[t][0] - p[0], target[t][1] - p[1]]]);
        total = total.add(tf.losses.meanSquaredError(want, r.out));
      });
      return total.div(raw.length) as tf.Scalar;
    }, true);
    const v = loss!.dataSync()[0];
    loss!.dispose();
    return v;
  }
}

const model = new Smoother();

type Msg =
  | { type: 'smooth'; point: [number, number]; state?: Float32Array }
  | { type: 'learn'; raw: Array<[number, number]>; kept: Array<[number, number]> };

self.onmessage = (ev: MessageEvent<Msg>) => {
  const msg = ev.data;
  if (msg.type === 'smooth') {
    const res = model.smooth(msg.point, msg.state ?? new Float32Array(H));
    self.postMessage({ type: 'smoothed', point: res.point, state: res.state });
  } else if (msg.type === 'learn') {
    let loss = 0;
    for (let epoch = 0; epoch < 5; epoch++) loss = model.fit(msg.raw, msg.kept);
    self.postMessage({ type: 'learned', loss });
  }
};
