// expect: stale-state, tidy-disposed-state
// Live-caption overlay for a video element: a recurrent acoustic model is primed with buffered audio frames and then fed frames as they arrive.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

interface AcousticWeights {
  Wx: tf.Tensor2D;   // [F, H]
  Wh: tf.Tensor2D;   // [H, H]
  b: tf.Tensor1D;    // [H]
  Wo: tf.Tensor2D;   // [H, symbols]
}

export class CaptionSession {
  private hidden: tf.Tensor2D;
  private readonly symbols: string[];
  private text = '';

  constructor(private readonly w: AcousticWeights, symbols: string[], private readonly overlay: HTMLElement) {
    this.symbols = symbols;
    this.hidden = tf.zeros([1, w.Wh.shape[0]]);
  }

  private cell(frame: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(frame.matMul(this.w.Wx).add(h.matMul(this.w.Wh)).add<tf.Tensor2D>(this.w.b));
  }

  /** Warm the model up on audio that was buffered before captions were switched on. */
  prime(buffered: Float32Array[]): void {
    if (buffered.length === 0) return;
    const warmed = tf.tidy(() => {
      let latest = this.hidden;
      for (const f of buffered) {
        latest = this.cell(tf.tensor2d(f, [1, f.length]), this.hidden);
      }
      return latest;
    });
    this.hidden.dispose();
    this.hidden = warmed;
  }

  /** Feed one live frame; returns the emitted symbol or '' for blank. */
  push(frame: Float32Array): string {
    const symbolId = tf.tidy(() => {
      const h = this.cell(tf.tensor2d(frame, [1, frame.length]), this.hidden);
      this.hidden = h;
      return h.matMul(this.w.Wo).argMax(1).dataSync()[0];
    });
    const sym = this.symbols[symbolId];
    if (sym && sym !== '_') {
      this.text = (this.text + sym).slice(-80);
      this.overlay.textContent = this.text;
    }
    return sym === '_' ? '' : sym;
  }

  clear(): void {
    this.text = '';
    this.overlay.textContent = '';
    this.hidden.dispose();
    this.hidden = tf.zeros([1, this.w.Wh.shape[0]]);
  }
}

export function attachCaptions(
  video: HTMLVideoElement,
  weights: AcousticWeights,
  symbols: string[],
  frames: AsyncIterable<Float32Array>,
  buffered: Float32Array[],
): CaptionSession {
  const overlay = document.createElement('div');
  overlay.className = 'live-caption';
  overlay.style.position = 'absolute';
  overlay.style.bottom = '8%';
  video.parentElement?.appendChild(overlay);

  const session = new CaptionSession(weights, symbols, overlay);
  session.prime(buffered);

  void (async () => {
    for await (const f of frames) {
      if (video.paused) continue;
      session.push(f);
    }
  })();

  video.addEventListener('seeked', () => session.clear());
  return session;
}
