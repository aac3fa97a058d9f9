// expect: tidy-disposed-state
// ConvLSTM (Shi et al., 2015) precipitation nowcaster that consumes radar frames one at a time and emits rain probabilities.
import * as tf from '@tensorflow/tfjs';

interface ConvState {
  h: tf.Tensor4D;
  c: tf.Tensor4D;
}

export class ConvLSTMCell {
  readonly wx: tf.Variable<tf.Rank.R4>;
  readonly wh: tf.Variable<tf.Rank.R4>;
  readonly b: tf.Variable<tf.Rank.R1>;

  constructor(readonly inChannels: number, readonly filters: number, readonly kernel = 5) {
    this.wx = tf.variable(tf.randomNormal([kernel, kernel, inChannels, 4 * filters], 0, 0.05));
    this.wh = tf.variable(tf.randomNormal([kernel, kernel, filters, 4 * filters], 0, 0.05));
    this.b = tf.variable(tf.zeros([4 * filters]));
  }

  // gates = W_x * X_t + W_h * H_{t-1} + b, with * a 'same'-padded convolution
  step(x: tf.Tensor4D, { h, c }: ConvState): ConvState {
    const gates = tf.add(tf.add(tf.conv2d(x, this.wx, 1, 'same'), tf.conv2d(h, this.wh, 1, 'same')), this.b);
    const [i, f, g, o] = tf.split(gates, 4, 3);
    const cNext: tf.Tensor4D = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    const hNext: tf.Tensor4D = tf.mul(tf.sigmoid(o), tf.tanh(cNext));
    return { h: hNext, c: cNext };
  }
}

export class Nowcaster {
  private state: ConvState | null = null;
  private readonly head: tf.Variable<tf.Rank.R4>;
  private readonly headBias: tf.Variable<tf.Rank.R1>;

  constructor(private readonly cell: ConvLSTMCell, private readonly height: number, private readonly width: number) {
    this.head = tf.variable(tf.randomNormal([1, 1, cell.filters, 1], 0, 0.05));
    this.headBias = tf.variable(tf.zeros([1]));
  }

  reset(): void {
    if (this.state) tf.dispose([this.state.h, this.state.c]);
    const zeros = (): tf.Tensor4D => tf.zeros([1, this.height, this.width, this.cell.filters]);
    this.state = { h: zeros(), c: zeros() };
  }

  push(frame: tf.Tensor4D): tf.Tensor4D {
    if (!this.state) this.reset();
    const prev = this.state!;
    const prob = tf.tidy(() => {
      const next = this.cell.step(frame, prev);
      this.state = next;
      const logit = tf.add(tf.conv2d(next.h, this.head, 1, 'same'), this.headBias);
      return tf.sigmoid(logit) as tf.Tensor4D;
    });
    tf.dispose([prev.h, prev.c]);
    return prob;
  }
}

// Synthetic storm: a Gaussian blob of reflectivity drifting across the grid.
function stormFrames(steps: number, size: number): tf.Tensor4D[] {
  const cx0 = Math.random() * size, cy0 = Math.random() * size;
  const vx = (Math.random() - 0.5) * 2, vy = (Math.random() - 0.5) * 2;
  return Array.from({ length: steps }, (_, t) =>
    tf.tidy(() => {
      const xs = tf.range(0, size).reshape([1, size]);
      const ys = tf.range(0, size).reshape([size, 1]);
      const d2 = tf.add(tf.square(tf.sub(xs, cx0 + vx * t)), tf.square(tf.sub(ys, cy0 + vy * t)));
      return tf.exp(tf.div(tf.neg(d2), 18)).reshape([1, size, size, 1]) as tf.Tensor4D;
    }),
  );
}

async function main(): Promise<void> {
  const SIZE = 32;
  const nowcaster = new Nowcaster(new ConvLSTMCell(1, 16), SIZE, SIZE);
  for (let storm = 0; storm < 5; storm++) {
    nowcaster.reset();
    const frames = stormFrames(12, SIZE);
    const coverage: string[] = [];
    for (const frame of frames) {
      const prob = nowcaster.push(frame);
      const wet = tf.tidy(() => tf.mean(tf.cast(tf.greater(prob, 0.5), 'float32')));
      coverage.push(((await wet.data())[0] * 100).toFixed(1));
      tf.dispose([prob, wet]);
    }
    tf.dispose(frames);
    console.log(`storm ${storm}: predicted rain coverage % per step ${coverage.join(' ')}`);
  }
}

main();
