// expect: bptt-cut
// Trains a small RNN on a load curve while recording every hidden state into an undo/redo timeline for the debugger panel.
import * as tf from '@tensorflow/tfjs';

const UNITS = 8;

export class StateTimeline {
  private past: number[][][] = [];
  private future: number[][][] = [];

  record(h: tf.Tensor2D): void {
    this.past.push(h.arraySync());
    this.future = [];
  }

  current(): tf.Tensor2D {
    return tf.tensor2d(this.past[this.past.length - 1]);
  }

  undo(): boolean {
    if (this.past.length <= 1) return false;
    this.future.push(this.past.pop()!);
    return true;
  }

  redo(): boolean {
    const next = this.future.pop();
    if (!next) return false;
    this.past.push(next);
    return true;
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }

  get length(): number {
    return this.past.length;
  }
}

export const weights = {
  Wx: tf.variable(tf.randomNormal([1, UNITS], 0, 0.5, 'float32', 80), true, 'Wx'),
  Wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 81), true, 'Wh'),
  b: tf.variable(tf.zeros([UNITS]), true, 'b'),
  Wy: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 82), true, 'Wy'),
};

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, weights.Wx), tf.matMul(h, weights.Wh)), weights.b));
}

export function sequenceLoss(series: number[], timeline: StateTimeline): tf.Scalar {
  timeline.clear();
  timeline.record(tf.zeros([1, UNITS]));
  const losses: tf.Scalar[] = [];
  for (let t = 0; t < series.length - 1; t++) {
    const h = step(tf.tensor2d([[series[t]]]), timeline.current());
    timeline.record(h);
    const pred = tf.matMul(h, weights.Wy);
    losses.push(tf.mean(tf.squaredDifference(pred, tf.tensor2d([[series[t + 1]]]))) as tf.Scalar);
  }
  return tf.div(tf.addN(losses), losses.length) as tf.Scalar;
}

export async function train(
  series: number[],
  epochs: number,
  onEpoch?: (epoch: number, loss: number, timeline: StateTimeline) => void,
): Promise<StateTimeline> {
  const optimizer = tf.train.adam(0.02);
  const timeline = new StateTimeline();
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cost = optimizer.minimize(() => sequenceLoss(series, timeline), true);
    const value = (await cost!.data())[0];
    cost!.dispose();
    onEpoch?.(epoch, value, timeline);
    await tf.nextFrame();
  }
  return timeline;
}

if (require.main === module) {
  const series = Array.from({ length: 24 }, (_, i) => Math.sin(i / 3) * 0.8);
  train(series, 30, (epoch, loss, tl) => {
    if (epoch % 10 === 0) console.log(`epoch ${epoch} loss ${loss.toFixed(4)} (timeline ${tl.length} states)`);
  }).then((tl) => {
    tl.undo();
    console.log('rewound to state', tl.length - 1);
  });
}
