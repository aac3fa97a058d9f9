// expect: stale-state
// Async pipeline that consumes accelerometer frames from a source iterator and emits gesture logits per frame.
import * as tf from '@tensorflow/tfjs';

export interface Frame {
  t: number;
  xyz: [number, number, number];
}

export interface GestureNet {
  wx: tf.Tensor2D;
  wh: tf.Tensor2D;
  wy: tf.Tensor2D;
}

export function loadNet(units = 10): GestureNet {
  return {
    wx: tf.randomNormal([3, units], 0, 0.5, 'float32', 111) as tf.Tensor2D,
    wh: tf.randomNormal([units, units], 0, 0.4, 'float32', 112) as tf.Tensor2D,
    wy: tf.randomNormal([units, 4], 0, 0.5, 'float32', 113) as tf.Tensor2D,
  };
}

async function step(net: GestureNet, frame: Frame, h: tf.Tensor2D) {
  const out = tf.tidy(() => {
    const x = tf.tensor2d([frame.xyz]);
    const hNext = tf.tanh(tf.matMul(x, net.wx).add(tf.matMul(h, net.wh))) as tf.Tensor2D;
    return { logits: tf.matMul(hNext, net.wy) as tf.Tensor2D, h: hNext };
  });
  await tf.nextFrame();
  return out;
}

export async function* gestures(net: GestureNet, frames: AsyncIterable<Frame>): AsyncGenerator<number[]> {
  const state: Record<string, tf.Tensor2D> = { h: tf.zeros([1, net.wh.shape[0]]) };
  for await (const frame of frames) {
    const res = await step(net, frame, state.h);
    const prev = state.hidden;
    state.hidden = res.h;
    if (prev) prev.dispose();
    const logits = Array.from(await res.logits.data());
    res.logits.dispose();
    yield logits;
  }
  tf.dispose(Object.values(state));
}

export async function* fromArray(frames: Frame[]): AsyncGenerator<Frame> {
  for (const f of frames) {
    yield f;
  }
}

export async function collect(net: GestureNet, frames: Frame[]): Promise<number[][]> {
  const out: number[][] = [];
  for await (const logits of gestures(net, fromArray(frames))) {
    out.push(logits);
  }
  return out;
}
