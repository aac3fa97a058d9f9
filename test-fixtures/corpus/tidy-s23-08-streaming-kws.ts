// expect: tidy-disposed-state
// On-device wake-word listener: feeds one log-mel frame at a time into a GRU and fires when "hey_otto" is likely.
import * as tf from '@tensorflow/tfjs';

export interface ListenerConfig {
  melBins: number;
  units: number;
  wakeIndex: number;
  classes: number;
  threshold: number;
  refractoryFrames: number;
}

const defaults: ListenerConfig = { melBins: 40, units: 48, wakeIndex: 1, classes: 3, threshold: 0.9, refractoryFrames: 25 };

export class WakeWordListener {
  private readonly cfg: ListenerConfig;
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly wo: tf.Tensor2D;
  private state: tf.Tensor2D;
  private cooldown = 0;
  onWake: (score: number) => void = () => undefined;

  constructor(cfg: Partial<ListenerConfig> = {}) {
    this.cfg = { ...defaults, ...cfg };
    const { melBins, units, classes } = this.cfg;
    this.wx = tf.randomNormal([melBins, 3 * units], 0, 0.15, 'float32', 21);
    this.wh = tf.randomNormal([units, 3 * units], 0, 0.15, 'float32', 22);
    this.b = tf.zeros([3 * units]);
    this.wo = tf.randomNormal([units, classes], 0, 0.3, 'float32', 23);
    this.state = tf.zeros([1, units]);
  }

  private gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xr, xz, xn] = tf.split(tf.matMul(x, this.wx).add(this.b), 3, 1);
    const [hr, hz, hn] = tf.split(tf.matMul(h, this.wh), 3, 1);
    const r = tf.sigmoid(xr.add(hr));
    const z = tf.sigmoid(xz.add(hz));
    const n = tf.tanh(xn.add(r.mul(hn)));
    return z.mul(h).add(tf.onesLike(z).sub(z).mul(n)) as tf.Tensor2D;
  }

  /** Called by the audio pipeline for every new 10ms frame. */
  pushFrame(frame: Float32Array): number {
    const probs = tf.tidy(() => {
      const x = tf.tensor2d(frame, [1, this.cfg.melBins]);
      const hNext = this.gru(x, this.state);
      this.state.dispose();
      this.state = hNext;
      return tf.softmax(tf.matMul(hNext, this.wo));
    });
    const score = probs.dataSync()[this.cfg.wakeIndex];
    probs.dispose();
    if (this.cooldown > 0) {
      this.cooldown--;
    } else if (score >= this.cfg.threshold) {
      this.cooldown = this.cfg.refractoryFrames;
      this.onWake(score);
    }
    return score;
  }

  reset(): void {
    this.state.dispose();
    this.state = tf.zeros([1, this.cfg.units]);
    this.cooldown = 0;
  }
}

if (require.main === module) {
  const listener = new WakeWordListener({ threshold: 0.5 });
  listener.onWake = (s) => console.log('wake!', s.toFixed(3));
  const frames = Array.from({ length: 30 }, (_, i) =>
    Float32Array.from({ length: 40 }, (_, k) => Math.sin(0.3 * i + 0.1 * k)));
  const scores = frames.map((f) => listener.pushFrame(f));
  console.log('scores:', scores.slice(-5).map((s) => s.toFixed(3)).join(' '));
}
