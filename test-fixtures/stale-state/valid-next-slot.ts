// Steps returning `{ probs, next }`: a spotter that carries `next` from frame to frame, and a
// decoder whose fed-back state takes the `next` slot while an attention memory rides along.
import * as tf from '@tensorflow/tfjs';

type State = [tf.Tensor2D, tf.Tensor2D];

export class Spotter {
  constructor(private readonly lstm: tf.layers.RNNCell, private readonly head: tf.layers.Layer, private readonly units: number) {}

  private step(frame: tf.Tensor2D, state: State): { probs: tf.Tensor2D; next: State } {
    return tf.tidy(() => {
      const [out, h, c] = this.lstm.call([frame, state[0], state[1]], {}) as tf.Tensor2D[];
      return { probs: this.head.apply(out!) as tf.Tensor2D, next: [h!, c!] as State };
    });
  }

  scoreClip(frames: tf.Tensor2D[]): tf.Tensor2D[] {
    let state: State = [tf.zeros([1, this.units]), tf.zeros([1, this.units])];
    const rows: tf.Tensor2D[] = [];
    for (const frame of frames) {
      const { probs, next } = this.step(frame, state);
      rows.push(probs);
      state = next;
    }
    return rows;
  }
}

export class Decoder {
  constructor(private readonly Wx: tf.Tensor2D, private readonly Wh: tf.Tensor2D, private readonly Wo: tf.Tensor2D) {}

  protected step(x: tf.Tensor2D, s: { h: tf.Tensor2D }, _mem: tf.Tensor3D): { logits: tf.Tensor2D; next: { h: tf.Tensor2D } } {
    const h = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(s.h, this.Wh))) as tf.Tensor2D;
    return { logits: tf.matMul(h, this.Wo), next: { h } };
  }

  decode(frames: tf.Tensor2D[], init: { h: tf.Tensor2D }, mem: tf.Tensor3D): tf.Tensor2D[] {
    let state = init;
    const logits: tf.Tensor2D[] = [];
    for (const x of frames) {
      const r = this.step(x, state, mem);
      logits.push(r.logits);
      state = r.next;
    }
    return logits;
  }
}
