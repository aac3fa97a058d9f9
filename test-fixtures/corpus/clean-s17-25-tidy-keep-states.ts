// expect: none
// Streaming LSTM wrapper for a live transcription UI: state lives on the instance between audio chunks.
import * as tf from '@tensorflow/tfjs';

export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export class StreamingLstm {
  private state: LstmState;
  private readonly kernel: tf.Tensor2D;
  private readonly recurrent: tf.Tensor2D;
  private readonly proj: tf.Tensor2D;

  constructor(private readonly features: number, private readonly units: number, vocab: number) {
    this.kernel = tf.randomNormal([features, 4 * units], 0, 0.3, 'float32', 141) as tf.Tensor2D;
    this.recurrent = tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', 142) as tf.Tensor2D;
    this.proj = tf.randomNormal([units, vocab], 0, 0.3, 'float32', 143) as tf.Tensor2D;
    this.state = this.zero();
  }

  private zero(): LstmState {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  reset(): void {
    tf.dispose([this.state.h, this.state.c]);
    this.state = this.zero();
  }

  pushFrames(frames: number[][]): number[][] {
    const logitsPerFrame: number[][] = [];
    for (const frame of frames) {
      const logits = tf.tidy(() => {
        const x = tf.tensor2d([frame], [1, this.features]);
        const z = tf.matMul(x, this.kernel).add(tf.matMul(this.state.h, this.recurrent));
        const [i, f, g, o] = tf.split(z, 4, 1);
        const c = tf.sigmoid(f).mul(this.state.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
        const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
        const old = this.state;
        this.state = { h: tf.keep(h), c: tf.keep(c) };
        tf.dispose([old.h, old.c]);
        return tf.matMul(h, this.proj);
      });
      logitsPerFrame.push(Array.from(logits.dataSync()));
      logits.dispose();
    }
    return logitsPerFrame;
  }

  snapshot(): { h: number[]; c: number[] } {
    return { h: Array.from(this.state.h.dataSync()), c: Array.from(this.state.c.dataSync()) };
  }
}

export function greedyTokens(logits: number[][]): number[] {
  return logits.map((row) => row.indexOf(Math.max(...row)));
}

export function transcribe(model: StreamingLstm, utterances: number[][][]): number[][] {
  return utterances.map((frames) => {
    model.reset();
    return greedyTokens(model.pushFrames(frames));
  });
}
