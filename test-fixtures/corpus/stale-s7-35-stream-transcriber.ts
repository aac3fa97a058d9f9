// expect: stale-state
// Streaming captioner: microphone frames go through a unidirectional GRU acoustic model, greedy CTC decoding in real time.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const N_MELS = 40;
const UNITS = 160;
const ALPHABET = ["'", ' ', ...'abcdefghijklmnopqrstuvwxyz'];
const BLANK = ALPHABET.length;

interface AcousticWeights {
  gru: tf.LayersModel; // inputs [frame, memory] -> outputs [logits, memory]
}

interface StepResult { logits: tf.Tensor2D; memory: tf.Tensor2D }

export class StreamingCaptioner {
  private transcript = '';
  private prevLabel = BLANK;

  constructor(private readonly w: AcousticWeights, private readonly onText: (t: string) => void) {}

  private step(frame: Float32Array, memory: tf.Tensor2D): StepResult {
    return tf.tidy(() => {
      const x = tf.tensor2d(frame, [1, N_MELS]);
      const [logits, next] = this.w.gru.predict([x, memory]) as tf.Tensor[];
      return { logits: logits as tf.Tensor2D, memory: next as tf.Tensor2D };
    });
  }

  private emit(label: number) {
    // CTC: collapse repeats, drop blanks
    if (label !== BLANK && label !== this.prevLabel) {
      this.transcript += ALPHABET[label];
      this.onText(this.transcript);
    }
    this.prevLabel = label;
  }

  async run(frames: AsyncIterable<Float32Array>, signal: AbortSignal) {
    this.transcript = '';
    this.prevLabel = BLANK;
    let memory = tf.zeros([1, UNITS]) as tf.Tensor2D;
    for await (const frame of frames) {
      if (signal.aborted) break;
      const out = this.step(frame, memory);
      const label = (await out.logits.argMax(-1).data())[0];
      out.logits.dispose();
      this.emit(label);
    }
    memory.dispose();
  }
}

// ---- microphone plumbing --------------------------------------------------------
async function* melFrames(stream: MediaStream, hopMs = 10): AsyncGenerator<Float32Array> {
  const ctx = new AudioContext({ sampleRate: 16000 });
  const source = ctx.createMediaStreamSource(stream);
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const spectrum = new Float32Array(analyser.frequencyBinCount);
  const bins = analyser.frequencyBinCount;
  try {
    while (true) {
      await new Promise((r) => setTimeout(r, hopMs));
      analyser.getFloatFrequencyData(spectrum);
      const mel = new Float32Array(N_MELS);
      for (let m = 0; m < N_MELS; m++) {
        // crude log-spaced pooling instead of a real mel filterbank
        const lo = Math.floor(bins * (Math.pow(2, (m / N_MELS) * 8) - 1) / 255);
        const hi = Math.max(lo + 1, Math.floor(bins * (Math.pow(2, ((m + 1) / N_MELS) * 8) - 1) / 255));
        let s = 0;
        for (let k = lo; k < hi; k++) s += spectrum[k];
        mel[m] = s / (hi - lo) / 100;
      }
      yield mel;
    }
  } finally {
    source.disconnect();
    await ctx.close();
  }
}

export async function startCaptions(button: HTMLButtonElement, output: HTMLElement) {
  const gru = await tf.loadLayersModel('/models/stream-gru/model.json');
  let controller: AbortController | null = null;
  button.addEventListener('click', async () => {
    if (controller) {
      controller.abort();
      controller = null;
      button.textContent = 'Start captions';
      return;
    }
    controller = new AbortController();
    button.textContent = 'Stop';
    const mic = await navigator.mediaDevices.getUserMedia({ audio: true });
    const captioner = new StreamingCaptioner({ gru }, (t) => { output.textContent = t; });
    await captioner.run(melFrames(mic), controller.signal);
    mic.getTracks().forEach((t) => t.stop());
  });
}
