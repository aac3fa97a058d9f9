// expect: none
// Incremental speech-frame classifier: keeps a 2-layer LSTM state between audio chunks of one utterance.
import * as tf from '@tensorflow/tfjs';

export type LayerState = { h: tf.Tensor2D; c: tf.Tensor2D };

abstract class StreamingCell {
  constructor(readonly inputDim: number, readonly units: number) {}
  zero(): LayerState {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }
  abstract forward(x: tf.Tensor2D, s: LayerState): LayerState;
}

class LSTMCell extends StreamingCell {
  private readonly w = tf.variable(tf.randomNormal([this.inputDim + this.units, 4 * this.units], 0, 0.2));

  override forward(x: tf.Tensor2D, s: LayerState): LayerState {
    const z = tf.matMul(tf.concat([x, s.h], 1), this.w as tf.Tensor2D);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.add(tf.mul(tf.sigmoid(f), s.c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
    const h = tf.mul(tf.sigmoid(o), tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  }
}

export class UtteranceClassifier {
  private readonly cells: StreamingCell[];
  private readonly readout: tf.Variable;
  private states: LayerState[] = [];

  constructor(frameDim: number, units: number, readonly labels: string[]) {
    this.cells = [new LSTMCell(frameDim, units), new LSTMCell(units, units)];
    this.readout = tf.variable(tf.randomNormal([units, labels.length], 0, 0.2));
    this.startUtterance();
  }

  /** Called when a new utterance begins; previous utterances must not influence this one. */
  startUtterance(): void {
    this.disposeStates();
    this.states = this.cells.map((cell) => cell.zero());
  }

  private disposeStates(): void {
    for (const s of this.states) tf.dispose([s.h, s.c]);
  }

  /** frames: [n, frameDim] for one chunk of audio; returns label probabilities after the chunk. */
  pushChunk(frames: tf.Tensor2D): Float32Array {
    const prev = this.states;
    const probs = tf.tidy(() => {
      let layerStates = prev;
      for (const frame of tf.split(frames, frames.shape[0], 0) as tf.Tensor2D[]) {
        let x = frame;
        layerStates = layerStates.map((s, l) => {
          const next = this.cells[l].forward(x, s);
          x = next.h;
          return next;
        });
      }
      this.states = layerStates.map(({ h, c }) => ({ h: tf.keep(h), c: tf.keep(c) }));
      const top = layerStates[layerStates.length - 1].h;
      return tf.softmax(tf.matMul(top, this.readout as tf.Tensor2D));
    });
    for (const s of prev) tf.dispose([s.h, s.c]);
    const out = probs.dataSync() as Float32Array;
    probs.dispose();
    return out;
  }
}

if (require.main === module) {
  const clf = new UtteranceClassifier(13, 20, ['yes', 'no', 'stop', 'go']);
  for (let utt = 0; utt < 2; utt++) {
    clf.startUtterance();
    let p: Float32Array = new Float32Array(0);
    for (let chunk = 0; chunk < 3; chunk++) {
      const frames = tf.randomNormal([5, 13]) as tf.Tensor2D;
      p = clf.pushChunk(frames);
      frames.dispose();
    }
    console.log(`utterance ${utt}:`, Array.from(p).map((v) => v.toFixed(3)).join(' '));
  }
  console.log('live tensors', tf.memory().numTensors);
}
