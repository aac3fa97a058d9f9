// expect: none
// Inference-only drawing model: the LSTM state lives in Float32Arrays between calls and is rebuilt
// as tensors on each update. No gradient is taken anywhere, so the round-trip cuts nothing.
import * as tf from '@tensorflow/tfjs';

export interface PenState {
  c: Float32Array;
  h: Float32Array;
}

export class PenModel {
  constructor(
    private readonly units: number,
    private readonly kernel: tf.Tensor2D,
    private readonly bias: tf.Tensor1D,
    private readonly forgetBias = tf.scalar(1),
  ) {}

  zeroState(): PenState {
    return { c: new Float32Array(this.units), h: new Float32Array(this.units) };
  }

  update(stroke: number[], state: PenState): PenState {
    const packed = tf.tidy(() => {
      const x = tf.tensor2d(stroke, [1, stroke.length]);
      const c = tf.tensor2d(state.c, [1, this.units]);
      const h = tf.tensor2d(state.h, [1, this.units]);
      const [cNext, hNext] = tf.basicLSTMCell(this.forgetBias, this.kernel, this.bias, x, c, h);
      return tf.concat([cNext, hNext], 1);
    });
    const values = packed.dataSync() as Float32Array;
    packed.dispose();
    return { c: values.slice(0, this.units), h: values.slice(this.units) };
  }

  draw(strokes: number[][]): PenState {
    let state = this.zeroState();
    for (const stroke of strokes) {
      state = this.update(stroke, state);
    }
    return state;
  }
}
