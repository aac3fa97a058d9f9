// expect: tidy-disposed-state
// Streams accelerometer frames through an LSTM stepper model and emits a gesture probability per frame.
import * as tf from '@tensorflow/tfjs';

const AXES = 3;
const UNITS = 24;
const GESTURES = ['idle', 'shake', 'tilt'];

export function buildStepper(): tf.LayersModel {
  const frame = tf.input({ shape: [1, AXES], name: 'frame' });
  const hIn = tf.input({ shape: [UNITS], name: 'h_in' });
  const cIn = tf.input({ shape: [UNITS], name: 'c_in' });
  const lstm = tf.layers.lstm({ units: UNITS, returnState: true, name: 'motion_lstm' });
  const [out, hOut, cOut] = lstm.apply(frame, { initialState: [hIn, cIn] }) as tf.SymbolicTensor[];
  const probs = tf.layers.dense({ units: GESTURES.length, activation: 'softmax', name: 'gesture' })
    .apply(out) as tf.SymbolicTensor;
  return tf.model({ inputs: [frame, hIn, cIn], outputs: [probs, hOut, cOut] });
}

type WorkerMessage =
  | { kind: 'frame'; ax: number; ay: number; az: number }
  | { kind: 'reset' };

export class GestureStream {
  private h: tf.Tensor;
  private c: tf.Tensor;

  constructor(private readonly stepper: tf.LayersModel) {
    this.h = tf.zeros([1, UNITS]);
    this.c = tf.zeros([1, UNITS]);
  }

  reset(): void {
    tf.dispose([this.h, this.c]);
    this.h = tf.zeros([1, UNITS]);
    this.c = tf.zeros([1, UNITS]);
  }

  onFrame(ax: number, ay: number, az: number): { label: string; p: number } {
    const probs = tf.tidy(() => {
      const x = tf.tensor3d([[[ax, ay, az]]]);
      const [p, hNext, cNext] = this.stepper.predict([x, this.h, this.c]) as tf.Tensor[];
      this.h = hNext;
      this.c = cNext;
      return p.dataSync();
    });
    let best = 0;
    for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
    return { label: GESTURES[best], p: probs[best] };
  }

  handle(msg: WorkerMessage): string {
    if (msg.kind === 'reset') {
      this.reset();
      return 'reset';
    }
    const { label, p } = this.onFrame(msg.ax, msg.ay, msg.az);
    return `${label}:${p.toFixed(3)}`;
  }
}

function fakeFrames(n: number): WorkerMessage[] {
  const msgs: WorkerMessage[] = [];
  for (let i = 0; i < n; i++) {
    const shake = i > n / 2 ? Math.sin(i * 2.5) * 2 : 0;
    msgs.push({ kind: 'frame', ax: shake + Math.random() * 0.1, ay: Math.random() * 0.1, az: 9.8 });
  }
  return msgs;
}

function main(): void {
  const stream = new GestureStream(buildStepper());
  const log: string[] = [];
  for (const msg of [{ kind: 'reset' } as WorkerMessage, ...fakeFrames(10)]) {
    log.push(stream.handle(msg));
  }
  console.log(log.join(' | '));
}

main();
