// expect: state-leak
// scores login sessions (sequences of event codes) for weirdness with a small hand-rolled GRU, prints the top 3
import * as tf from '@tensorflow/tfjs';

const EVENTS = ['login', 'view', 'edit', 'save', 'logout', 'export', 'delete', 'admin'];
const N_EV = EVENTS.length;
const HID = 10;

export interface Session { id: string; events: number[] }

const g = (shape: number[]) => tf.randomNormal(shape, 0, 0.6);
export const cell = {
  Wz: g([N_EV, HID]), Uz: g([HID, HID]),
  Wr: g([N_EV, HID]), Ur: g([HID, HID]),
  Wn: g([N_EV, HID]), Un: g([HID, HID]),
  Wp: g([HID, N_EV]), bp: tf.zeros([N_EV]),

  step(ev: number, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([ev], 'int32'), N_EV).toFloat();
      const z = tf.sigmoid(x.matMul(this.Wz).add(h.matMul(this.Uz)));
      const r = tf.sigmoid(x.matMul(this.Wr).add(h.matMul(this.Ur)));
      const n = tf.tanh(x.matMul(this.Wn).add(r.mul(h).matMul(this.Un)));
      return tf.sub(1, z).mul(n).add(z.mul(h)) as tf.Tensor2D;
    });
  },

  nextEventProbs(h: tf.Tensor2D): Float32Array {
    return tf.tidy(() => tf.softmax(h.matMul(this.Wp).add(this.bp)).dataSync() as Float32Array);
  },
};

export function scoreSessions(sessions: Session[]): Array<{ id: string; score: number }> {
  const results: Array<{ id: string; score: number }> = [];
  let h = tf.zeros([1, HID]) as tf.Tensor2D;
  sessions.forEach(sess => {
    let surprise = 0;
    sess.events.forEach((ev, i) => {
      if (i > 0) {
        const p = cell.nextEventProbs(h);
        surprise += -Math.log(p[ev] + 1e-7);
      }
      const next = cell.step(ev, h);
      h.dispose();
      h = next;
    });
    results.push({ id: sess.id, score: surprise / Math.max(1, sess.events.length - 1) });
  });
  h.dispose();
  return results.sort((a, b) => b.score - a.score);
}

function randomSession(id: string, weird: boolean): Session {
  const ev = [0];
  const len = 4 + Math.floor(Math.random() * 6);
  for (let i = 0; i < len; i++) {
    if (weird && Math.random() < 0.5) ev.push(5 + Math.floor(Math.random() * 3));
    else ev.push(1 + Math.floor(Math.random() * 3));
  }
  ev.push(4);
  return { id, events: ev };
}

if (require.main === module) {
  const batch: Session[] = [];
  for (let i = 0; i < 12; i++) batch.push(randomSession('s' + i, i % 5 === 3));
  const ranked = scoreSessions(batch);
  console.log('top 3 suspicious sessions:');
  ranked.slice(0, 3).forEach(r => console.log(`  ${r.id}  ${r.score.toFixed(3)}`));
  console.log('tensors', tf.memory().numTensors);
}
