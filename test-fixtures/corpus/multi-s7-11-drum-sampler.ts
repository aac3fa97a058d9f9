// expect: stacked-activation, stale-state
// Drum-machine helper: a recurrent model suggests the next bars of a 9-voice drum pattern, played back with WebAudio.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const NUM_DRUMS = 9; // kick, snare, closed hh, open hh, low tom, mid tom, high tom, crash, ride
const HIDDEN = 96;
const STEPS_PER_BAR = 16;

interface DrumWeights {
  Wx: tf.Tensor2D;
  Wh: tf.Tensor2D;
  bh: tf.Tensor1D;
  Wout: tf.Tensor2D;
  bout: tf.Tensor1D;
}

type Pattern = boolean[][]; // [step][drum]

export class DrumSuggester {
  constructor(private readonly w: DrumWeights) {}

  static async load(url: string): Promise<DrumSuggester> {
    const json = await (await fetch(url)).json();
    return new DrumSuggester({
      Wx: tf.tensor2d(json.Wx), Wh: tf.tensor2d(json.Wh), bh: tf.tensor1d(json.bh),
      Wout: tf.tensor2d(json.Wout), bout: tf.tensor1d(json.bout),
    });
  }

  /** Returns per-drum hit probabilities for the next step and the updated state. */
  private readonly step = (x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] => {
    const hNext = tf.tanh(tf.addN([tf.matMul(x, this.w.Wx), tf.matMul(h, this.w.Wh), this.w.bh])) as tf.Tensor2D;
    const probs = tf.sigmoid(tf.add(tf.matMul(hNext, this.w.Wout), this.w.bout)) as tf.Tensor2D;
    return [probs, hNext];
  };

  private encodeStep(hits: boolean[]): tf.Tensor2D {
    return tf.tensor2d([hits.map((b) => (b ? 1 : 0))], [1, NUM_DRUMS]);
  }

  private bernoulli(probs: tf.Tensor2D, density: number): boolean[] {
    return tf.tidy(() => {
      const p = tf.mul(tf.sigmoid(probs), density);
      const draws = tf.less(tf.randomUniform(p.shape), p);
      return Array.from(draws.dataSync()).map((v) => v === 1);
    });
  }

  continuePattern(primer: Pattern, bars: number, density = 1.0): Pattern {
    let h = tf.zeros([1, HIDDEN]) as tf.Tensor2D;
    for (const hits of primer) {
      const next = tf.tidy(() => this.step(this.encodeStep(hits), h)[1]);
      h.dispose();
      h = next;
    }

    const out: Pattern = [];
    let last = primer[primer.length - 1] ?? new Array(NUM_DRUMS).fill(false);
    for (let t = 0; t < bars * STEPS_PER_BAR; t++) {
      const probs = tf.tidy(() => {
        const x = this.encodeStep(last);
        const [p] = this.step(x, h);
        return p;
      });
      last = this.bernoulli(probs, density);
      probs.dispose();
      out.push(last);
    }
    h.dispose();
    return out;
  }
}

// --- playback glue ---------------------------------------------------------
const ctx = new AudioContext();
const samples: AudioBuffer[] = [];

export async function loadKit(urls: string[]) {
  for (const url of urls) {
    const data = await (await fetch(url)).arrayBuffer();
    samples.push(await ctx.decodeAudioData(data));
  }
}

export function play(pattern: Pattern, bpm = 110) {
  const stepDur = 60 / bpm / 4;
  const t0 = ctx.currentTime + 0.1;
  pattern.forEach((hits, i) => hits.forEach((hit, d) => {
    if (!hit || !samples[d]) return;
    const src = ctx.createBufferSource();
    src.buffer = samples[d];
    src.connect(ctx.destination);
    src.start(t0 + i * stepDur);
  }));
}

export async function onSuggestClicked(model: DrumSuggester, current: Pattern) {
  const slider = document.querySelector<HTMLInputElement>('#density');
  const suggestion = model.continuePattern(current, 2, Number(slider?.value ?? 1));
  play(suggestion);
}
