// expect: returns-input-state
// Plugin host for recurrent cells: plugins describe parameters and a step, the host owns weights and unrolling.
import * as tf from '@tensorflow/tfjs';

export type Params = Record<string, tf.Variable>;

/** A cell plugin. S is the state structure the plugin works with. */
export interface CellPlugin<S> {
  readonly name: string;
  /** Shapes of the parameters this plugin needs. */
  paramShapes(inputSize: number, units: number): Record<string, number[]>;
  initialState(batch: number, units: number): S;
  step(x: tf.Tensor2D, state: S, params: Params): S;
  output(state: S): tf.Tensor2D;
}

export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

/** LSTM as a plugin, with the usual i/f/g/o gates. */
export const lstmPlugin: CellPlugin<LstmState> = {
  name: 'lstm',
  paramShapes: (inputSize, units) => ({
    kernel: [inputSize, 4 * units],
    recurrent: [units, 4 * units],
    bias: [4 * units],
  }),
  initialState: (batch, units) => ({ h: tf.zeros([batch, units]), c: tf.zeros([batch, units]) }),
  step(x, state, p) {
    const { h, c } = state;
    const z = x.matMul(p.kernel).add(h.matMul(p.recurrent)).add(p.bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
    return { h: hNext, c };
  },
  output: s => s.h,
};

/**
 * Owns the variables for one plugin instance and unrolls it over time.
 */
export class PluginHost<S> {
  readonly params: Params = {};

  constructor(
    private readonly plugin: CellPlugin<S>,
    readonly inputSize: number,
    readonly units: number,
    seed = 17,
  ) {
    const shapes = plugin.paramShapes(inputSize, units);
    Object.keys(shapes).forEach((key, k) => {
      const shape = shapes[key];
      this.params[key] = tf.variable(shape.length === 1
        ? tf.zeros(shape)
        : tf.randomNormal(shape, 0, 0.3, 'float32', seed + k), true, `${plugin.name}/${key}`);
    });
  }

  /** Unroll over [batch, time, features]; returns every output and the final state. */
  run(inputs: tf.Tensor3D): { outputs: tf.Tensor3D; state: S } {
    let state = this.plugin.initialState(inputs.shape[0], this.units);
    const outs: tf.Tensor2D[] = [];
    for (const x of tf.unstack(inputs, 1) as tf.Tensor2D[]) {
      state = this.plugin.step(x, state, this.params);
      outs.push(this.plugin.output(state));
    }
    return { outputs: tf.stack(outs, 1) as tf.Tensor3D, state };
  }

  dispose(): void {
    Object.values(this.params).forEach(v => v.dispose());
  }
}
