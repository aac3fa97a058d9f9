// expect: unused-hidden-state
// TypeScript port of a PyTorch-style GRU module used by a keyword-spotting demo (forward(input, hidden)).
import * as tf from '@tensorflow/tfjs';

export interface KwsConfig {
  inputSize: number;
  hiddenSize: number;
  numKeywords: number;
}

export class GRUModule {
  readonly hiddenSize: number;
  private readonly wIh: tf.Variable<tf.Rank.R2>;
  private readonly wHh: tf.Variable<tf.Rank.R2>;
  private readonly bIh: tf.Variable<tf.Rank.R1>;
  private readonly bHh: tf.Variable<tf.Rank.R1>;

  constructor(inputSize: number, hiddenSize: number) {
    const k = 1 / Math.sqrt(hiddenSize);
    this.hiddenSize = hiddenSize;
    this.wIh = tf.variable(tf.randomUniform([inputSize, 3 * hiddenSize], -k, k));
    this.wHh = tf.variable(tf.randomUniform([hiddenSize, 3 * hiddenSize], -k, k));
    this.bIh = tf.variable(tf.randomUniform([3 * hiddenSize], -k, k));
    this.bHh = tf.variable(tf.randomUniform([3 * hiddenSize], -k, k));
  }

  initHidden(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.hiddenSize]);
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    hidden = this.initHidden(input.shape[0]);
    const gi = tf.add(tf.matMul(input, this.wIh), this.bIh);
    const gh = tf.add(tf.matMul(hidden, this.wHh), this.bHh);
    const [iR, iZ, iN] = tf.split(gi, 3, 1);
    const [hR, hZ, hN] = tf.split(gh, 3, 1);
    const r = tf.sigmoid(tf.add(iR, hR));
    const z = tf.sigmoid(tf.add(iZ, hZ));
    const n = tf.tanh(tf.add(iN, tf.mul(r, hN)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, hidden)) as tf.Tensor2D;
  }
}

export class KeywordSpotter {
  private readonly gru: GRUModule;
  private readonly head: tf.Variable<tf.Rank.R2>;
  private readonly headBias: tf.Variable<tf.Rank.R1>;

  constructor(private readonly cfg: KwsConfig) {
    this.gru = new GRUModule(cfg.inputSize, cfg.hiddenSize);
    this.head = tf.variable(tf.randomNormal([cfg.hiddenSize, cfg.numKeywords], 0, 0.05));
    this.headBias = tf.variable(tf.zeros([cfg.numKeywords]));
  }

  /** mfcc: [batch, frames, inputSize] */
  logits(mfcc: tf.Tensor3D): tf.Tensor2D {
    const frames = tf.unstack(mfcc, 1) as tf.Tensor2D[];
    let h = this.gru.initHidden(mfcc.shape[0]);
    for (const frame of frames) {
      h = this.gru.forward(frame, h);
    }
    return tf.add(tf.matMul(h, this.head), this.headBias) as tf.Tensor2D;
  }

  /** Returns the keyword index per clip, or -1 when nothing clears the threshold. */
  detect(mfcc: tf.Tensor3D, threshold = 0.6): number[] {
    return tf.tidy(() => {
      const probs = tf.softmax(this.logits(mfcc)).arraySync() as number[][];
      return probs.map((row) => {
        const best = row.indexOf(Math.max(...row));
        return row[best] >= threshold ? best : -1;
      });
    });
  }
}
