// expect: none
// Workout session tracker: fresh LSTM memory for every session, fed one heart-rate/cadence sample at a time.
import * as tf from '@tensorflow/tfjs';

type Mem = { h: tf.Tensor2D; c: tf.Tensor2D };
type Session = { mem: Mem; startedAt: number; lastAt: number; samples: number };

const UNITS = 8;
const IDLE_MS = 10 * 60 * 1000;

const kernel = tf.variable(tf.randomNormal([2 + UNITS, 4 * UNITS], 0, 0.25, 'float32', 151));
const bias = tf.variable(tf.zeros([4 * UNITS]));
const wFatigue = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3, 'float32', 152));

function freshMemory(): Mem {
  return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
}

function lstm(x: tf.Tensor2D, m: Mem): Mem {
  const [i, f, g, o] = tf.split(tf.concat([x, m.h], 1).matMul(kernel).add(bias), 4, 1);
  const c = tf.sigmoid(f).mul(m.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  return { h: tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D, c };
}

export class SessionTracker {
  private readonly sessions = new Map<string, Session>();

  start(userId: string, now: number): void {
    this.end(userId);
    this.sessions.set(userId, { mem: freshMemory(), startedAt: now, lastAt: now, samples: 0 });
  }

  sample(userId: string, bpm: number, cadence: number, now: number): number {
    this.sweep(now);
    let s = this.sessions.get(userId);
    if (!s) {
      this.start(userId, now);
      s = this.sessions.get(userId)!;
    }
    const old = s.mem;
    const fatigue = tf.tidy(() => {
      const x = tf.tensor2d([[(bpm - 120) / 40, (cadence - 80) / 20]]);
      const m = lstm(x, old);
      s!.mem = { h: tf.keep(m.h), c: tf.keep(m.c) };
      return tf.sigmoid(m.h.matMul(wFatigue)).dataSync()[0];
    });
    tf.dispose([old.h, old.c]);
    s.lastAt = now;
    s.samples += 1;
    return fatigue;
  }

  end(userId: string): void {
    const s = this.sessions.get(userId);
    if (!s) return;
    tf.dispose([s.mem.h, s.mem.c]);
    this.sessions.delete(userId);
  }

  sweep(now: number): void {
    for (const [userId, s] of Array.from(this.sessions.entries())) {
      if (now - s.lastAt > IDLE_MS) this.end(userId);
    }
  }

  active(): string[] {
    return Array.from(this.sessions.keys());
  }
}

if (require.main === module) {
  const tracker = new SessionTracker();
  let now = 0;
  for (const run of [0, 1]) {
    tracker.start('runner-5', now);
    let last = 0;
    for (let t = 0; t < 120; t++) {
      now += 1000;
      last = tracker.sample('runner-5', 130 + t * 0.4 + run * 5, 82 - t * 0.05, now);
    }
    console.log('session', run, 'fatigue at end', last.toFixed(3));
    tracker.end('runner-5');
    now += 3600_000;
  }
  console.log('active', tracker.active().length, 'tensors', tf.memory().numTensors);
}
