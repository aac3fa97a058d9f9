// expect: stale-state
// Notebook cells: a small recurrent frame tagger that labels each accelerometer frame as idle / walk / run.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: tagger class ---
const LABELS = ['idle', 'walk', 'run'] as const;

class FrameTagger {
  private readonly Wx: tf.Tensor2D;
  private readonly Wh: tf.Tensor2D;
  private readonly Wo: tf.Tensor2D;
  private hidden: tf.Tensor2D;

  constructor(private readonly featDim: number, private readonly units: number, seed: number) {
    this.Wx = tf.randomNormal([featDim, units], 0, 0.7, 'float32', seed);
    this.Wh = tf.randomNormal([units, units], 0, 0.6, 'float32', seed + 1);
    this.Wo = tf.randomNormal([units, LABELS.length], 0, 1.2, 'float32', seed + 2);
    this.hidden = this.zeroState();
  }

  zeroState(): tf.Tensor2D {
    return tf.zeros([1, this.units]);
  }

  step(frame: tf.Tensor2D, h: tf.Tensor2D): { logits: tf.Tensor2D; next: tf.Tensor2D } {
    return tf.tidy(() => {
      const next = tf.tanh(tf.matMul(frame, this.Wx).add(tf.matMul(h, this.Wh))) as tf.Tensor2D;
      return { logits: tf.matMul(next, this.Wo), next };
    });
  }

  tag(frames: tf.Tensor2D[]): string[] {
    let hidden = this.zeroState();
    const tags: string[] = [];
    let t = 0;
    while (t < frames.length) {
      const { logits, next } = this.step(frames[t], hidden);
      tags.push(LABELS[logits.argMax(1).dataSync()[0]]);
      logits.dispose();
      this.hidden.dispose();
      this.hidden = next;
      t += 1;
    }
    return tags;
  }

  lastState(): tf.Tensor2D {
    return this.hidden;
  }
}

// --- cell 2: frames from a fake accelerometer (|a|, jerk, step rate) ---
function trace(kind: 'idle' | 'walk' | 'run', n: number): tf.Tensor2D[] {
  const amp = { idle: 0.05, walk: 0.5, run: 1.2 }[kind];
  return Array.from({ length: n }, (_, i) =>
    tf.tensor2d([[amp * Math.abs(Math.sin(i)), amp * Math.cos(2 * i), amp * 2]]),
  );
}

// --- cell 3: tag a mixed recording ---
const tagger = new FrameTagger(3, 10, 50);
const recording = [...trace('idle', 4), ...trace('walk', 6), ...trace('run', 6)];
const tags = tagger.tag(recording);
console.table(tags.map((tag, t) => ({ t, tag })));

// --- cell 4: state summary for the streaming version ---
console.log('last state norm', tagger.lastState().norm().dataSync()[0].toFixed(4));
tf.dispose(recording);
