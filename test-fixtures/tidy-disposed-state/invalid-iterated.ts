// States stored from an array callback (forEach / map) that runs inside tf.tidy: tidy tracks the
// tensors the callback makes like its own, and disposes them when it returns.
import * as tf from '@tensorflow/tfjs';

const D = 6;
const Wx = tf.variable(tf.randomNormal([3, D], 0, 0.2));
const Wh = tf.variable(tf.randomNormal([D, D], 0, 0.2));

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// One recurrent state per player, advanced for all of them in one tidy.
const playerStates = new Map<number, tf.Tensor2D>();

export function advanceAll(players: { id: number; obs: number[] }[]): number[] {
  return tf.tidy(() => players.map((p) => {
    const prev = playerStates.get(p.id) ?? tf.zeros([1, D]) as tf.Tensor2D;
    const next = cell(tf.tensor2d([p.obs]), prev);
    playerStates.set(p.id, next);
//  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
    return tf.sum(next).dataSync()[0]!;
  }));
}

// Every state of an unroll over a list collected into an outer array; only the last is returned.
export function unrollCollect(inputs: tf.Tensor2D[]): { states: tf.Tensor2D[]; last: tf.Tensor2D } {
  const states: tf.Tensor2D[] = [];
  const last = tf.tidy(() => {
    let h = tf.zeros([1, D]) as tf.Tensor2D;
    inputs.forEach((x) => {
      h = cell(x, h);
      states.push(h);
//    ~~~~~~~~~~~~~~ tidy-disposed-state
    });
    return h;
  });
  return { states, last };
}

// An outer state advanced in a forEach inside tidy, and read on the next call.
let memory = tf.zeros([1, D]) as tf.Tensor2D;

export function consume(batch: tf.Tensor2D[]): void {
  tf.tidy(() => {
    batch.forEach((x) => {
      memory = cell(x, memory);
//    ~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
    });
  });
}

// A method that advances a field, run for each frame of a batch inside one tidy.
export class Smoother {
  private level = tf.zeros([1, D]) as tf.Tensor2D;

  private absorb(x: tf.Tensor2D): void {
    this.level = tf.add(tf.mul(this.level, 0.8), tf.mul(cell(x, this.level), 0.2)) as tf.Tensor2D;
//  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ tidy-disposed-state
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

// The carried state is read after the tidy before it is disposed.
export function summarize(inputs: tf.Tensor2D[]): tf.Tensor {
  let h = tf.zeros([1, D]) as tf.Tensor2D;
  tf.tidy(() => {
    inputs.forEach((x) => {
      h = cell(x, h);
//    ~~~~~~~~~~~~~~ tidy-disposed-state
    });
  });
  const summary = tf.norm(h);
  h.dispose();
  return summary;
}
