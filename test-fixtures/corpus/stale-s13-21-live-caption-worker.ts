// expect: stale-state
// Live-caption worker: receives batches of audio feature frames from the page and posts back greedy CTC text.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const FEAT = 13; // MFCCs per frame
const UNITS = 40;
const LABELS = ['_', ' ', ...'abcdefghijklmnopqrstuvwxyz'];

interface DecoderState { h: tf.Tensor2D }

export class FrameDecoder {
  private readonly Wx = tf.randomNormal([FEAT, UNITS], 0, 0.4, 'float32', 91);
  private readonly Wh = tf.randomNormal([UNITS, UNITS], 0, 0.25, 'float32', 92);
  private readonly b = tf.zeros([UNITS]);
  private readonly Wy = tf.randomNormal([UNITS, LABELS.length], 0, 0.6, 'float32', 93);

  zeroState(): DecoderState {
    return { h: tf.zeros([1, UNITS]) };
  }

  step(frame: Float32Array, state: DecoderState): { labelId: number; state: DecoderState } {
    return tf.tidy(() => {
      const x = tf.tensor2d(frame, [1, FEAT]);
      const h = tf.tanh(x.matMul(this.Wx).add(state.h.matMul(this.Wh)).add(this.b)) as tf.Tensor2D;
      const labelId = h.matMul(this.Wy).argMax(1).dataSync()[0];
      return { labelId, state: { h: tf.keep(h) } };
    });
  }
}

function ctcCollapse(ids: number[]): string {
  let out = '';
  let prev = -1;
  for (const id of ids) {
    if (id !== prev && id !== 0) out += LABELS[id];
    prev = id;
  }
  return out;
}

async function loadFrames(buffer: ArrayBuffer): Promise<Float32Array[]> {
  const all = new Float32Array(buffer);
  const frames: Float32Array[] = [];
  for (let i = 0; i + FEAT <= all.length; i += FEAT) frames.push(all.subarray(i, i + FEAT));
  return frames;
}

export async function caption(decoder: FrameDecoder, buffer: ArrayBuffer): Promise<string> {
  const frames = await loadFrames(buffer);
  const state = decoder.zeroState();
  const outputs = frames.map((frame) => decoder.step(frame, state));
  const ids = outputs.map((o) => o.labelId);
  tf.dispose([state.h, ...outputs.map((o) => o.state.h)]);
  return ctcCollapse(ids);
}

const decoder = new FrameDecoder();
let seq = 0;

self.addEventListener('message', async (ev: MessageEvent<{ utteranceId: string; features: ArrayBuffer }>) => {
  const mine = ++seq;
  const text = await caption(decoder, ev.data.features);
  self.postMessage({ utteranceId: ev.data.utteranceId, text, order: mine });
});
