// expect: none
// Real-time audio denoiser that runs a recurrent mask estimator per frame, keeping its state alive across tidy scopes.
import * as tf from '@tensorflow/tfjs';

const FRAME_BINS = 129;
const HIDDEN = 64;
const STATE_KEY = 'denoiser-state';

export class StreamingDenoiser {
  constructor(weights) {
    this.wx = tf.tensor2d(weights.wx, [FRAME_BINS, HIDDEN]);
    this.wh = tf.tensor2d(weights.wh, [HIDDEN, HIDDEN]);
    this.b = tf.tensor1d(weights.b);
    this.readout = tf.tensor2d(weights.readout, [HIDDEN, FRAME_BINS]);
    this.state = tf.zeros([1, HIDDEN]);
    this.framesSinceCheck = 0;
    this.baseline = tf.memory().numTensors;
  }

  step(x, h) {
    return tf.tanh(tf.add(tf.add(tf.matMul(x, this.wx), tf.matMul(h, this.wh)), this.b));
  }

  process(magnitudes) {
    const prev = this.state;
    const cleaned = tf.tidy(() => {
      const x = tf.tensor2d([magnitudes]);
      const hNext = this.step(tf.log1p(x), prev);
      this.state = tf.keep(hNext);
      const gain = tf.sigmoid(tf.matMul(hNext, this.readout));
      return tf.mul(x, gain);
    });
    prev.dispose();
    const out = cleaned.dataSync();
    cleaned.dispose();
    this.checkMemory();
    return out;
  }

  checkMemory() {
    this.framesSinceCheck += 1;
    if (this.framesSinceCheck < 500) return;
    this.framesSinceCheck = 0;
    const live = tf.memory().numTensors;
    if (live > this.baseline) {
      console.warn(`denoiser: ${live - this.baseline} tensors above baseline`);
    }
  }

  async save() {
    const h = await this.state.array();
    localStorage.setItem(STATE_KEY, JSON.stringify({ h, savedAt: Date.now() }));
  }

  restore() {
    const raw = localStorage.getItem(STATE_KEY);
    if (!raw) return false;
    const { h, savedAt } = JSON.parse(raw);
    if (Date.now() - savedAt > 5000) return false;
    const restored = tf.tensor2d(h);
    this.state.dispose();
    this.state = restored;
    return true;
  }

  resetForNewStream() {
    this.state.dispose();
    this.state = tf.zeros([1, HIDDEN]);
  }
}

export async function attach(workletPort, weightsUrl) {
  const weights = await (await fetch(weightsUrl)).json();
  const denoiser = new StreamingDenoiser(weights);
  denoiser.restore();
  workletPort.onmessage = ({ data }) => {
    if (data.type === 'stream-start') denoiser.resetForNewStream();
    if (data.type === 'frame') workletPort.postMessage({ type: 'frame', bins: denoiser.process(data.bins) });
  };
  window.addEventListener('pagehide', () => denoiser.save());
  return denoiser;
}
