// expect: tidy-disposed-state
// Streams accelerometer frames through a small GRU one frame at a time and prints a "walking" score per frame
import * as tf from '@tensorflow/tfjs';

const FEATURES = 3; // x, y, z
const UNITS = 12;
const FRAME_MS = 5;

class ActivityTracker {
  private Wz: tf.Variable;
  private Wr: tf.Variable;
  private Wh: tf.Variable;
  private Wout: tf.Variable;
  private state: tf.Tensor2D;
  frames = 0;

  constructor() {
    // TODO load trained weights from model.json, random for now
    this.Wz = tf.variable(tf.randomNormal([FEATURES + UNITS, UNITS], 0, 0.2));
    this.Wr = tf.variable(tf.randomNormal([FEATURES + UNITS, UNITS], 0, 0.2));
    this.Wh = tf.variable(tf.randomNormal([FEATURES + UNITS, UNITS], 0, 0.2));
    this.Wout = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.2));
    this.state = tf.zeros([1, UNITS]);
  }

  step(frame: number[]): number {
    const score = tf.tidy(() => {
      const x = tf.tensor2d([frame], [1, FEATURES]);
      const xh = tf.concat([x, this.state], 1);
      const z = tf.sigmoid(xh.matMul(this.Wz));
      const r = tf.sigmoid(xh.matMul(this.Wr));
      const cand = tf.tanh(tf.concat([x, r.mul(this.state)], 1).matMul(this.Wh));
      // h_new = (1 - z) * h + z * candidate
      const newState = tf.sub(1, z).mul(this.state).add(z.mul(cand)) as tf.Tensor2D;
      this.state = newState;
      return tf.sigmoid(newState.matMul(this.Wout)).squeeze();
    });
    const v = score.dataSync()[0];
    score.dispose();
    this.frames++;
    return v;
  }
}

function fakeSensor(t: number): number[] {
  // walking ~ 2Hz bounce on z plus noise
  return [Math.random() * 0.1, Math.random() * 0.1, Math.sin(t * 0.25) + Math.random() * 0.05];
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main() {
  const tracker = new ActivityTracker();
  const scores: number[] = [];
  for (let t = 0; t < 40; t++) {
    const frame = fakeSensor(t);
    const s = tracker.step(frame);
    scores.push(s);
    if (t % 5 === 0) console.log(`frame ${t}: walking=${s.toFixed(3)}`);
    await sleep(FRAME_MS);
  }
  console.log('frames processed', tracker.frames, 'avg score', (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(3));
  console.log('numTensors', tf.memory().numTensors);
}

main().catch((err) => console.error('stream crashed:', err.message));
