// Array callbacks inside tf.tidy whose states survive: kept, returned whole, or local to the tidy.
import * as tf from '@tensorflow/tfjs';

const D = 6;
const Wx = tf.variable(tf.randomNormal([3, D], 0, 0.2));
const Wh = tf.variable(tf.randomNormal([D, D], 0, 0.2));

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// Each player's new state is kept before it goes into the map; the old one is disposed.
const playerStates = new Map<number, tf.Tensor2D>();

export function advanceAll(players: { id: number; obs: number[] }[]): number[] {
  return tf.tidy(() => players.map((p) => {
    const prev = playerStates.get(p.id);
    const next = cell(tf.tensor2d([p.obs]), prev ?? tf.zeros([1, D]) as tf.Tensor2D);
    playerStates.set(p.id, tf.keep(next));
    if (prev) prev.dispose();
    return tf.sum(next).dataSync()[0]!;
  }));
}

// The outer array the states go into is itself returned from tidy, so every element survives.
export function unrollCollect(inputs: tf.Tensor2D[]): tf.Tensor2D[] {
  const states: tf.Tensor2D[] = [];
  tf.tidy(() => {
    let h = tf.zeros([1, D]) as tf.Tensor2D;
    inputs.forEach((x) => {
      h = cell(x, h);
      states.push(h);
    });
    return states;
  });
  return states;
}

// Each state is kept as it is pushed into the outer array.
export function unrollKept(inputs: tf.Tensor2D[]): tf.Tensor2D[] {
  const states: tf.Tensor2D[] = [];
  const last = tf.tidy(() => {
    let h = tf.zeros([1, D]) as tf.Tensor2D;
    inputs.forEach((x) => {
      h = cell(x, h);
      states.push(tf.keep(h));
    });
    return h;
  });
  last.dispose();
  return states;
}

// The outer state is advanced on a copy local to the tidy and returned from it.
let memory = tf.zeros([1, D]) as tf.Tensor2D;

export function consume(batch: tf.Tensor2D[]): void {
  const old = memory;
  memory = tf.tidy(() => {
    let m = old;
    batch.forEach((x) => {
      m = cell(x, m);
    });
    return m;
  });
  old.dispose();
}

// Only numbers leave the forEach: the norms of each state.
export function norms(inputs: tf.Tensor2D[]): number[] {
  const out: number[] = [];
  tf.tidy(() => {
    let h = tf.zeros([1, D]) as tf.Tensor2D;
    inputs.forEach((x) => {
      h = cell(x, h);
      out.push(tf.norm(h).dataSync()[0]!);
    });
  });
  return out;
}

// The map callback returns each new state, and tidy returns the mapped array: the states the map
// stores are the ones tidy hands back.
const lastStates = new Map<number, tf.Tensor2D>();

export function stepAll(players: { id: number; obs: number[] }[]): tf.Tensor2D[] {
  const fresh = tf.tidy(() => {
    const nexts = players.map((p) => {
      const next = cell(tf.tensor2d([p.obs]), lastStates.get(p.id) ?? tf.zeros([1, D]) as tf.Tensor2D);
      lastStates.set(p.id, next);
      return next;
    });
    return nexts;
  });
  return fresh;
}

// The method keeps the field it advances and disposes the old value.
export class Smoother {
  private level = tf.zeros([1, D]) as tf.Tensor2D;

  private absorb(x: tf.Tensor2D): void {
    const old = this.level;
    this.level = tf.keep(tf.add(tf.mul(old, 0.8), tf.mul(cell(x, old), 0.2)) as tf.Tensor2D);
    old.dispose();
  }

  feed(frames: tf.Tensor2D[]): void {
    tf.tidy(() => {
      frames.forEach((x) => this.absorb(x));
    });
  }

  read(): number[] {
    return Array.from(this.level.dataSync());
  }
}

// After the tidy the carried state is only disposed (with the start state): disposing a tensor
// tidy already disposed is a no-op, and nothing reads it as data.
export function tagWords(inputs: tf.Tensor2D[]): number[] {
  const start = tf.zeros([1, D]) as tf.Tensor2D;
  let h = start;
  const labels: number[] = [];
  tf.tidy(() => {
    inputs.forEach((x) => {
      h = cell(x, h);
      labels.push(tf.argMax(h, 1).dataSync()[0]!);
    });
  });
  tf.dispose([start, h]);
  return labels;
}

export function tagWordsAgain(inputs: tf.Tensor2D[]): number[] {
  let h = tf.zeros([1, D]) as tf.Tensor2D;
  const labels: number[] = [];
  tf.tidy(() => {
    inputs.forEach((x) => {
      h = cell(x, h);
      labels.push(tf.argMax(h, 1).dataSync()[0]!);
    });
  });
  h.dispose();
  return labels;
}
