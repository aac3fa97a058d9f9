// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

type Cell = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;

export class StreamingGRU {
  private h: tf.Tensor2D;

  constructor(private readonly cell: Cell, private readonly head: tf.LayersModel, units: number) {
    this.h = tf.zeros([1, units]);
  }

  push(frame: number[]): tf.Tensor {
    return tf.tidy(() => {
      const x = tf.tensor2d([frame]);
      const hNew = this.cell(x, this.h);
      this.h = hNew;
      return this.head.predict(hNew) as tf.Tensor;
    });
  }

  async classify(frames: number[][]): Promise<number> {
    let probs: tf.Tensor | null = null;
    for (const f of frames) {
      probs?.dispose();
      probs = this.push(f);
    }
    const idx = (await probs!.argMax(-1).data())[0];
    probs!.dispose();
    return idx;
  }
}
