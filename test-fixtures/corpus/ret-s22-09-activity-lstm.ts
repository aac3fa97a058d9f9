// expect: returns-input-state
// Classifies wearer activity (still / walk / run) from accelerometer windows, keeping one LSTM state per wearer.
import * as tf from '@tensorflow/tfjs';

type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

const LABELS = ['still', 'walk', 'run'] as const;

function release(prev: LstmState, next: LstmState): void {
  if (prev.h !== next.h) prev.h.dispose();
  if (prev.c !== next.c) prev.c.dispose();
}

export class ActivityLstm {
  private readonly kernel: tf.Variable;
  private readonly bias: tf.Variable;
  private readonly head: tf.Variable;
  private readonly headBias: tf.Variable;
  private readonly states = new Map<string, LstmState>();

  constructor(private readonly units = 16) {
    this.kernel = tf.variable(tf.randomNormal([3 + units, 4 * units], 0, 0.2, 'float32', 91));
    this.bias = tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]));
    this.head = tf.variable(tf.randomNormal([units, LABELS.length], 0, 0.2, 'float32', 92));
    this.headBias = tf.variable(tf.zeros([LABELS.length]));
  }

  private zeroState(): LstmState {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  cell(x: tf.Tensor2D, state: LstmState): LstmState {
    return tf.tidy(() => {
      const { h, c } = state;
      const gates = tf.matMul(tf.concat([x, h], 1), this.kernel).add(this.bias);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
      return { h: hNext, c };
    });
  }

  classifyWindow(wearerId: string, samples: number[][]): { label: string; probs: number[] } {
    const prev = this.states.get(wearerId) ?? this.zeroState();
    const { probs, state } = tf.tidy(() => {
      let s = prev;
      for (const xyz of samples) {
        s = this.cell(tf.tensor2d([xyz.map((v) => v / 9.81)]), s);
      }
      return { probs: tf.softmax(s.h.matMul(this.head).add(this.headBias)), state: s };
    });
    release(prev, state);
    this.states.set(wearerId, state);
    const p = Array.from(probs.dataSync());
    probs.dispose();
    return { label: LABELS[p.indexOf(Math.max(...p))], probs: p };
  }

  disconnect(wearerId: string): void {
    const s = this.states.get(wearerId);
    if (s) tf.dispose([s.h, s.c]);
    this.states.delete(wearerId);
  }

  snapshot(wearerId: string): { h: number[]; c: number[] } | null {
    const s = this.states.get(wearerId);
    return s ? { h: Array.from(s.h.dataSync()), c: Array.from(s.c.dataSync()) } : null;
  }
}

if (require.main === module) {
  const model = new ActivityLstm();
  const windowOf = (amp: number, freq: number, offset: number) =>
    Array.from({ length: 50 }, (_, t) => [amp * Math.sin((t + offset) * freq), 9.81 + amp * Math.cos((t + offset) * freq), 0.3]);
  for (let w = 0; w < 4; w++) {
    const r = model.classifyWindow('watch-17', windowOf(w < 2 ? 2 : 8, 0.4, w * 50));
    console.log('window', w, r.label, r.probs.map((p) => p.toFixed(3)).join(' '));
  }
  model.disconnect('watch-17');
  console.log('tensors', tf.memory().numTensors);
}
