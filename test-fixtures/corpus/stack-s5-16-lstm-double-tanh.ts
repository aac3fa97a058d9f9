// expect: stacked-activation
// PyTorch-style LSTM module; forward() computes h = o * tanh(c) and then pushes it through the configurable outputActivation (tanh by default) before storing it as the new state.
import * as tf from '@tensorflow/tfjs';

type State = { h: tf.Tensor2D; c: tf.Tensor2D };
type Act = (t: tf.Tensor2D) => tf.Tensor2D;

const ACTIVATIONS: Record<string, Act> = {
  tanh: (t) => tf.tanh(t),
  linear: (t) => t,
  relu: (t) => tf.relu(t),
};

export class LSTM {
  readonly weightIh: tf.Variable<tf.Rank.R2>;
  readonly weightHh: tf.Variable<tf.Rank.R2>;
  readonly bias: tf.Variable<tf.Rank.R1>;
  private readonly outputActivation: Act;

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    opts: { outputActivation?: keyof typeof ACTIVATIONS } = {},
  ) {
    const k = 1 / Math.sqrt(hiddenSize);
    this.weightIh = tf.variable(tf.randomUniform([inputSize, 4 * hiddenSize], -k, k));
    this.weightHh = tf.variable(tf.randomUniform([hiddenSize, 4 * hiddenSize], -k, k));
    this.bias = tf.variable(tf.zeros([4 * hiddenSize]));
    this.outputActivation = ACTIVATIONS[opts.outputActivation ?? 'tanh'];
  }

  initHidden(batch: number): State {
    return { h: tf.zeros([batch, this.hiddenSize]), c: tf.zeros([batch, this.hiddenSize]) };
  }

  forward(input: tf.Tensor2D, hidden: State): [tf.Tensor2D, State] {
    const gates = tf.add(
      tf.addN([tf.matMul(input, this.weightIh), tf.matMul(hidden.h, this.weightHh)]),
      this.bias,
    );
    const [i, f, g, o] = tf.split(gates, 4, 1).map((t, idx) => (idx === 2 ? tf.tanh(t) : tf.sigmoid(t)));
    const c = tf.add(tf.mul(f, hidden.c), tf.mul(i, g)) as tf.Tensor2D;
    const h = this.outputActivation(tf.mul(o, tf.tanh(c)) as tf.Tensor2D);
    return [h, { h, c }];
  }

  parameters(): tf.Variable[] {
    return [this.weightIh, this.weightHh, this.bias];
  }
}

/** Sequence-to-one regressor: predicts the sum of a noisy sequence. */
export function train(iterations = 100, log: (s: string) => void = () => {}): number {
  const lstm = new LSTM(1, 20);
  const head = tf.variable(tf.randomNormal([20, 1], 0, 0.1));
  const optimizer = tf.train.adam(0.01);
  let last = Infinity;

  for (let it = 0; it < iterations; it++) {
    const seq = tf.randomUniform([8, 12, 1], 0, 1) as tf.Tensor3D;
    const target = tf.sum(seq, 1) as tf.Tensor2D;
    const cost = optimizer.minimize(() => {
      let state = lstm.initHidden(8);
      let out = state.h;
      for (const x of tf.unstack(seq, 1) as tf.Tensor2D[]) {
        [out, state] = lstm.forward(x, state);
      }
      return tf.losses.meanSquaredError(target, tf.matMul(out, head)) as tf.Scalar;
    }, true, [...lstm.parameters(), head]);
    last = cost!.dataSync()[0];
    if (it % 25 === 0) log(`it ${it}: ${last.toFixed(4)}`);
    tf.dispose([seq, target, cost!]);
  }
  return last;
}
