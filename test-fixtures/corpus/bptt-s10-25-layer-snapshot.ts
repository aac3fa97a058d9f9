// expect: bptt-cut
// Two-layer Elman sequence regressor trained with tf.variableGrads; per-step layer states are recorded for the dashboard.
import * as tf from '@tensorflow/tfjs';

export type StackState = tf.Tensor2D[];

class Layer {
  readonly w: tf.Variable;
  readonly u: tf.Variable;
  readonly b: tf.Variable;
  constructor(inDim: number, readonly units: number, prefix: string) {
    this.w = tf.variable(tf.randomNormal([inDim, units], 0, 0.3), true, `${prefix}/w`);
    this.u = tf.variable(tf.randomNormal([units, units], 0, 0.3), true, `${prefix}/u`);
    this.b = tf.variable(tf.zeros([units]), true, `${prefix}/b`);
  }
  forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const pre = tf.add(tf.matMul(x, this.w as tf.Tensor2D), tf.matMul(h, this.u as tf.Tensor2D));
    return tf.tanh(tf.add(pre, this.b)) as tf.Tensor2D;
  }
}

export class StateHistory {
  readonly frames: number[][][][] = [];

  /** Stores a copy of every layer's state and hands back the stored tensors. */
  record(states: StackState): StackState {
    const snapshot = states.map((s) => s.arraySync());
    this.frames.push(snapshot);
    return snapshot.map((rows) => tf.tensor2d(rows));
  }

  meanActivation(layer: number): number[] {
    return this.frames.map((f) => {
      const rows = f[layer];
      const flat = rows.flat();
      return flat.reduce((a, v) => a + Math.abs(v), 0) / flat.length;
    });
  }
}

export class StackedRegressor {
  readonly layers: Layer[];
  readonly head: tf.Variable;

  constructor(inDim: number, units: number) {
    this.layers = [new Layer(inDim, units, 'l0'), new Layer(units, units, 'l1')];
    this.head = tf.variable(tf.randomNormal([units, 1], 0, 0.3), true, 'head');
  }

  step(x: tf.Tensor2D, states: StackState): StackState {
    let inp = x;
    return states.map((h, l) => (inp = this.layers[l].forward(inp, h)));
  }

  /** Predicts the value that follows each window; xs: [batch, time, inDim], ys: [batch, 1]. */
  loss(xs: tf.Tensor3D, ys: tf.Tensor2D, history: StateHistory): tf.Scalar {
    const batch = xs.shape[0];
    let states: StackState = this.layers.map((l) => tf.zeros([batch, l.units]) as tf.Tensor2D);
    for (const x of tf.unstack(xs, 1) as tf.Tensor2D[]) {
      states = this.step(x, states);
      states = history.record(states);
    }
    const pred = tf.matMul(states[states.length - 1], this.head as tf.Tensor2D);
    return tf.losses.meanSquaredError(ys, pred) as tf.Scalar;
  }
}

export function trainEpoch(model: StackedRegressor, xs: tf.Tensor3D, ys: tf.Tensor2D, lr = 0.05): number {
  const history = new StateHistory();
  const { value, grads } = tf.variableGrads(() => model.loss(xs, ys, history));
  tf.tidy(() => {
    const vars = [...model.layers.flatMap((l) => [l.w, l.u, l.b]), model.head];
    for (const v of vars) {
      const g = grads[v.name];
      if (g) v.assign(tf.sub(v, tf.mul(g, lr)));
    }
  });
  const loss = value.dataSync()[0];
  tf.dispose([value, grads]);
  return loss;
}

if (require.main === module) {
  const model = new StackedRegressor(2, 12);
  const xs = tf.randomNormal([16, 10, 2]) as tf.Tensor3D;
  const ys = tf.sum(xs, [1, 2]).reshape([16, 1]) as tf.Tensor2D;
  for (let epoch = 0; epoch < 20; epoch++) {
    const l = trainEpoch(model, xs, ys);
    if (epoch % 5 === 0) console.log(`epoch ${epoch} mse ${l.toFixed(4)}`);
  }
}
