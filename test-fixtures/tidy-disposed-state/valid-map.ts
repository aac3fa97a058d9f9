// Maps that hold state across tf.tidy correctly, and maps nothing reads back.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

export class SessionStates {
  private readonly states = new Map<string, tf.Tensor2D>();

  // Kept: tidy leaves it alone.
  pushKept(id: string, x: tf.Tensor2D): tf.Tensor {
    const h = this.states.get(id) ?? tf.zeros([1, H]) as tf.Tensor2D;
    return tf.tidy(() => {
      const next = tf.keep(step(x, h));
      this.states.set(id, next);
      return tf.sum(next);
    });
  }

  // Returned from tidy and stored after it.
  pushReturned(id: string, x: tf.Tensor2D): void {
    const h = this.states.get(id) ?? tf.zeros([1, H]) as tf.Tensor2D;
    const next = tf.tidy(() => step(x, h));
    this.states.set(id, next);
  }

  // The callback returns the stored state itself: tidy keeps what it returns.
  pushAndReturn(id: string, x: tf.Tensor2D): tf.Tensor2D {
    const h = this.states.get(id) ?? tf.zeros([1, H]) as tf.Tensor2D;
    return tf.tidy(() => {
      const next = step(x, h);
      this.states.set(id, next);
      return next;
    });
  }
}

// A map of plain numbers (a readback), and a map local to the callback.
const norms = new Map<string, number>();

export function track(user: string, x: tf.Tensor2D, h: tf.Tensor2D): number {
  tf.tidy(() => {
    const local = new Map<string, tf.Tensor>();
    local.set('h', step(x, h));
    norms.set(user, tf.norm(step(x, h)).dataSync()[0]!);
    return local.get('h');
  });
  return norms.get(user) ?? 0;
}

// Written from tidy, never read from the map: nothing reads a disposed entry.
const lastSeen = new Map<string, tf.Tensor2D>();

export function writeOnly(user: string, x: tf.Tensor2D, h: tf.Tensor2D): void {
  tf.tidy(() => {
    lastSeen.set(user, step(x, h));
  });
}

// The state object is returned from tidy and stored after it (the old one disposed).
interface Conversation { h: tf.Tensor2D; c: tf.Tensor2D }
const conversations = new Map<string, Conversation>();

export function onMessage(id: string, xs: tf.Tensor2D[]): tf.Tensor2D {
  const prev = conversations.get(id) ?? { h: tf.zeros([1, H]) as tf.Tensor2D, c: tf.zeros([1, H]) as tf.Tensor2D };
  const [h, c] = tf.tidy(() => {
    let { h, c } = prev;
    for (const x of xs) {
      h = step(x, h);
      c = c.add(h) as tf.Tensor2D;
    }
    return [h, c];
  });
  tf.dispose([prev.h, prev.c]);
  conversations.set(id, { h, c });
  return h;
}

// Every member of the stored object is kept.
export function onMessageKept(id: string, xs: tf.Tensor2D[]): tf.Tensor {
  const prev = conversations.get(id) ?? { h: tf.zeros([1, H]) as tf.Tensor2D, c: tf.zeros([1, H]) as tf.Tensor2D };
  return tf.tidy(() => {
    const h = step(xs[0]!, prev.h);
    const c = prev.c.add(h) as tf.Tensor2D;
    tf.keep(h);
    tf.keep(c);
    conversations.set(id, { h, c });
    return tf.matMul(h, Wh);
  });
}

// An array of states used only inside the callback, and one whose states are kept.
export function meanState(xs: tf.Tensor2D[]): tf.Tensor {
  return tf.tidy(() => {
    const states: tf.Tensor2D[] = [];
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    for (const x of xs) {
      h = step(x, h);
      states.push(h);
    }
    return tf.mean(tf.concat(states, 0), 0);
  });
}

export function keptTrace(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const trace: tf.Tensor2D[] = [];
  tf.tidy(() => {
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    for (const x of xs) {
      h = step(x, h);
      trace.push(tf.keep(h));
    }
  });
  return trace;
}

// An array parameter: filled with kept states, or given only the state the tidy returns.
function encodeKept(xs: tf.Tensor2D[], states: tf.Tensor2D[]): tf.Tensor2D {
  return tf.tidy(() => {
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    for (const x of xs) {
      h = step(x, h);
      states.push(tf.keep(h));
    }
    return h.clone();
  });
}

function finalInto(xs: tf.Tensor2D[], finals: tf.Tensor2D[]): void {
  const h = tf.tidy(() => {
    let state = tf.zeros([1, H]) as tf.Tensor2D;
    for (const x of xs) state = step(x, state);
    const hFinal = state;
    finals.push(hFinal);
    return hFinal;
  });
  h.print();
}

export function pooledStates(xs: tf.Tensor2D[]): tf.Tensor {
  const states: tf.Tensor2D[] = [];
  const finals: tf.Tensor2D[] = [];
  encodeKept(xs, states).dispose();
  finalInto(xs, finals);
  return tf.mean(tf.concat([...states, ...finals], 0), 0);
}

// Beam search: each candidate entry keeps the new states it holds.
interface Beam { tokens: number[]; h: tf.Tensor2D }

export function expand(beams: Beam[], x: tf.Tensor2D): Beam[] {
  const candidates: Beam[] = [];
  for (const beam of beams) {
    tf.tidy(() => {
      const hNext = step(x, beam.h);
      for (const k of [0, 1]) candidates.push({ tokens: [...beam.tokens, k], h: tf.keep(hNext.clone()) });
    });
  }
  return candidates.slice(0, 2);
}
