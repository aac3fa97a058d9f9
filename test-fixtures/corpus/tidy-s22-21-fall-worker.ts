// expect: tidy-disposed-state
// Web worker that runs the fall-detection LSTM on accelerometer batches posted from the UI thread.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

class FallDetector {
  private state: LstmState | null = null;
  private readonly kernel: tf.Tensor2D;
  private readonly recurrent: tf.Tensor2D;
  private readonly bias: tf.Tensor1D;
  private readonly wOut: tf.Tensor2D;

  constructor(private readonly units = 12) {
    this.kernel = tf.randomNormal([3, 4 * units], 0, 0.3, 'float32', 161);
    this.recurrent = tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', 162);
    this.bias = tf.zeros([4 * units]);
    this.wOut = tf.randomNormal([units, 1], 0, 0.3, 'float32', 163);
  }

  process(batch: number[][]): number {
    return tf.tidy(() => {
      let h = this.state ? this.state.h : (tf.zeros([1, this.units]) as tf.Tensor2D);
      let c = this.state ? this.state.c : (tf.zeros([1, this.units]) as tf.Tensor2D);
      for (const [ax, ay, az] of batch) {
        const x = tf.tensor2d([[ax / 9.81, ay / 9.81, az / 9.81]]);
        const z = x.matMul(this.kernel).add(h.matMul(this.recurrent)).add(this.bias);
        const [i, f, g, o] = tf.split(z, 4, 1);
        c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
        h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
      }
      this.state = { h, c };
      return tf.sigmoid(h.matMul(this.wOut)).dataSync()[0];
    });
  }

  reset(): void {
    if (this.state) tf.dispose([this.state.h, this.state.c]);
    this.state = null;
  }
}

const detector = new FallDetector();
let batches = 0;

self.onmessage = (ev: MessageEvent) => {
  const msg = ev.data as { type: string; samples?: number[][] };
  if (msg.type === 'reset') {
    detector.reset();
    batches = 0;
    return;
  }
  if (msg.type === 'samples' && msg.samples && msg.samples.length > 0) {
    const prob = detector.process(msg.samples);
    batches += 1;
    self.postMessage({ type: 'fall-prob', prob, batches });
    if (prob > 0.8) self.postMessage({ type: 'alert', prob });
  }
};
