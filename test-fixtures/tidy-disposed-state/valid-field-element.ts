// Streaming two-layer LSTMs that keep the per-layer states they store on the object: one keeps
// each new state, one replaces the whole list with kept copies at the end of the callback.
import * as tf from '@tensorflow/tfjs';

interface LayerParams { W: tf.Tensor2D; U: tf.Tensor2D }
interface LayerState { h: tf.Tensor2D; c: tf.Tensor2D }

function lstmCell(p: LayerParams, x: tf.Tensor2D, s: LayerState): LayerState {
  const z = tf.add(tf.matMul(x, p.W), tf.matMul(s.h, p.U));
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const c = tf.sigmoid(zf!).mul(s.c).add(tf.sigmoid(zi!).mul(tf.tanh(zg!))) as tf.Tensor2D;
  return { h: tf.sigmoid(zo!).mul(tf.tanh(c)) as tf.Tensor2D, c };
}

export class KeptStream {
  private states: LayerState[];
  constructor(private readonly layers: LayerParams[], units: number) {
    this.states = layers.map(() => ({ h: tf.zeros([1, units]), c: tf.zeros([1, units]) }));
  }

  push(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let inp = x;
      for (let l = 0; l < this.layers.length; l++) {
        const next = lstmCell(this.layers[l]!, inp, this.states[l]!);
        this.states[l] = { h: tf.keep(next.h), c: tf.keep(next.c) };
        inp = next.h;
      }
      return inp;
    });
  }
}

export class ReplacedStream {
  private states: tf.Tensor2D[];
  constructor(private readonly layers: tf.Tensor2D[], units: number) {
    this.states = layers.map(() => tf.zeros([1, units]));
  }

  push(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let inp = x;
      for (let l = 0; l < this.layers.length; l++) {
        this.states[l] = tf.tanh(tf.matMul(inp, this.layers[l]!).add(this.states[l]!));
        inp = this.states[l]!;
      }
      this.states = this.states.map((s) => tf.keep(s.clone()));
      return inp;
    });
  }
}
