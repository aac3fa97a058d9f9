// State kept per session in a Map, stored from inside tf.tidy without being kept.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

export class SessionStates {
  private readonly states = new Map<string, tf.Tensor2D>();

  push(id: string, x: tf.Tensor2D): tf.Tensor {
    const h = this.states.get(id) ?? tf.zeros([1, H]) as tf.Tensor2D;
    return tf.tidy(() => {
      const next = step(x, h);
      this.states.set(id, next);
//    ~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
      return tf.sum(next);
    });
  }
}

// A module-level map, read on the next call.
const byUser = new Map<string, tf.Tensor2D>();

export function observe(user: string, x: tf.Tensor2D): number {
  const prev = byUser.get(user) ?? tf.zeros([1, H]) as tf.Tensor2D;
  const score = tf.tidy(() => {
    byUser.set(user, step(x, prev));
//  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
    return tf.sum(prev);
  });
  return score.dataSync()[0]!;
}

// The state object is built in the callback by a loop of steps and stored whole.
interface Conversation { h: tf.Tensor2D; c: tf.Tensor2D }
const conversations = new Map<string, Conversation>();

function lstmStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): Conversation {
  const cNext = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))).add(c) as tf.Tensor2D;
  return { h: tf.tanh(cNext) as tf.Tensor2D, c: cNext };
}

export function onMessage(id: string, xs: tf.Tensor2D[]): tf.Tensor {
  const prev = conversations.get(id) ?? { h: tf.zeros([1, H]) as tf.Tensor2D, c: tf.zeros([1, H]) as tf.Tensor2D };
  return tf.tidy(() => {
    let { h, c } = prev;
    for (const x of xs) ({ h, c } = lstmStep(x, h, c));
    conversations.set(id, { h, c });
//  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
    return tf.matMul(h, Wh);
  });
}

// Every state of the unroll is pushed into an array the caller reads after tidy.
export function runWithTrace(xs: tf.Tensor2D[]): { logit: tf.Tensor; trace: tf.Tensor2D[] } {
  const trace: tf.Tensor2D[] = [];
  const logit = tf.tidy(() => {
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    for (const x of xs) {
      h = step(x, h);
      trace.push(h);
//    ~~~~~~~~~~~~~ tidy-disposed-state
    }
    return tf.matMul(h, Wh);
  });
  return { logit, trace };
}

// Members of a step's result stored on an object from outside the callback.
export function onFrame(session: Conversation, x: tf.Tensor2D): tf.Tensor {
  return tf.tidy(() => {
    const out = lstmStep(x, session.h, session.c);
    session.h = out.h;
//  ~~~~~~~~~~~~~~~~~ tidy-disposed-state
    return tf.sum(out.h);
  });
}

// The encoder fills the array its caller hands it and returns the last state: only that one
// survives the tidy; every earlier state in the array is disposed when the caller reads it.
function encodeInto(xs: tf.Tensor2D[], states: tf.Tensor2D[]): tf.Tensor2D {
  return tf.tidy(() => {
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    for (const x of xs) {
      h = step(x, h);
      states.push(h);
//    ~~~~~~~~~~~~~~ tidy-disposed-state
    }
    return h;
  });
}

export function attentionPool(xs: tf.Tensor2D[]): tf.Tensor {
  const states: tf.Tensor2D[] = [];
  const last = encodeInto(xs, states);
  const pooled = tf.mean(tf.concat(states, 0), 0);
  last.dispose();
  return pooled;
}

// Beam search: each candidate entry holds the new states made inside the tidy.
interface Beam { tokens: number[]; h: tf.Tensor2D; c: tf.Tensor2D }

export function expand(beams: Beam[], x: tf.Tensor2D): Beam[] {
  const candidates: Beam[] = [];
  for (const beam of beams) {
    tf.tidy(() => {
      const { h: hNext, c: cNext } = lstmStep(x, beam.h, beam.c);
      for (const k of [0, 1]) {
        candidates.push({ tokens: [...beam.tokens, k], h: hNext, c: cNext });
//      ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
      }
    });
  }
  return candidates.slice(0, 2);
}
