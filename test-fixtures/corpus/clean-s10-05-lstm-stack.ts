// expect: none
// Multi-layer LSTM encoder following the torch.nn.LSTM calling convention: forward(x, [(h, c), ...]) -> (y, states).
import * as tf from '@tensorflow/tfjs';

export type LSTMState = [h: tf.Tensor2D, c: tf.Tensor2D];

export abstract class RNNCellBase<S> {
  constructor(readonly inputSize: number, readonly hiddenSize: number) {}
  abstract initState(batch: number): S;
  abstract forward(input: tf.Tensor2D, state: S): [tf.Tensor2D, S];
  abstract weights(): tf.Variable[];
}

export class LSTMCell extends RNNCellBase<LSTMState> {
  private readonly kernel: tf.Variable<tf.Rank.R2>;
  private readonly recurrent: tf.Variable<tf.Rank.R2>;
  private readonly bias: tf.Variable<tf.Rank.R1>;

  constructor(inputSize: number, hiddenSize: number) {
    super(inputSize, hiddenSize);
    this.kernel = tf.variable(tf.randomNormal([inputSize, 4 * hiddenSize], 0, 0.1));
    this.recurrent = tf.variable(tf.randomNormal([hiddenSize, 4 * hiddenSize], 0, 0.1));
    // forget-gate bias starts at 1
    const b = new Float32Array(4 * hiddenSize);
    b.fill(1, hiddenSize, 2 * hiddenSize);
    this.bias = tf.variable(tf.tensor1d(b));
  }

  override initState(batch: number): LSTMState {
    return [tf.zeros([batch, this.hiddenSize]), tf.zeros([batch, this.hiddenSize])];
  }

  override forward(input: tf.Tensor2D, [hPrev, cPrev]: LSTMState): [tf.Tensor2D, LSTMState] {
    const z = tf.add(tf.add(tf.matMul(input, this.kernel), tf.matMul(hPrev, this.recurrent)), this.bias) as tf.Tensor2D;
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.add(tf.mul(tf.sigmoid(f), cPrev), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
    const h = tf.mul(tf.sigmoid(o), tf.tanh(c)) as tf.Tensor2D;
    return [h, [h, c]];
  }

  override weights(): tf.Variable[] {
    return [this.kernel, this.recurrent, this.bias];
  }
}

export class LSTM {
  readonly layers: LSTMCell[];

  constructor(inputSize: number, readonly hiddenSize: number, numLayers = 2) {
    this.layers = Array.from({ length: numLayers }, (_, l) => new LSTMCell(l === 0 ? inputSize : hiddenSize, hiddenSize));
  }

  initState(batch: number): LSTMState[] {
    return this.layers.map((cell) => cell.initState(batch));
  }

  /** xs: [batch, time, features]. Returns top-layer outputs and the final (h, c) of every layer. */
  forward(xs: tf.Tensor3D, initial?: LSTMState[]): [tf.Tensor3D, LSTMState[]] {
    let states = initial ?? this.initState(xs.shape[0]);
    const outputs: tf.Tensor2D[] = [];
    for (const x of tf.unstack(xs, 1) as tf.Tensor2D[]) {
      let inp = x;
      const nextStates: LSTMState[] = [];
      for (let l = 0; l < this.layers.length; l++) {
        const [out, s] = this.layers[l].forward(inp, states[l]);
        nextStates.push(s);
        inp = out;
      }
      states = nextStates;
      outputs.push(inp);
    }
    return [tf.stack(outputs, 1) as tf.Tensor3D, states];
  }
}

export function encode(lstm: LSTM, xs: tf.Tensor3D): { outputs: tf.Tensor3D; last: tf.Tensor2D } {
  return tf.tidy(() => {
    const [outputs, states] = lstm.forward(xs);
    const [hTop] = states[states.length - 1];
    return { outputs, last: hTop };
  });
}

if (require.main === module) {
  const lstm = new LSTM(10, 32, 2);
  const { outputs, last } = encode(lstm, tf.randomNormal([2, 15, 10]) as tf.Tensor3D);
  console.log(outputs.shape, last.shape);
  tf.dispose([outputs, last]);
}
