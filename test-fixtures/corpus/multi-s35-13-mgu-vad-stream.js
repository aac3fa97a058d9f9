// expect: state-leak, tidy-disposed-state
// Streaming voice-activity detector built on a minimal gated unit (Zhou et al., 2016), run over a batch of recordings.
const tf = require('@tensorflow/tfjs');

const MELS = 40;
const UNITS = 32;

class MGUCell {
  constructor(inDim, units) {
    const w = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
    this.units = units;
    this.Wf = w(inDim, units);
    this.Uf = w(units, units);
    this.bf = tf.variable(tf.ones([units]));
    this.Wh = w(inDim, units);
    this.Uh = w(units, units);
    this.bh = tf.variable(tf.zeros([units]));
  }

  // single forget gate f drives both the reset of h and the interpolation
  step(x, h) {
    const f = tf.sigmoid(tf.add(tf.add(tf.matMul(x, this.Wf), tf.matMul(h, this.Uf)), this.bf));
    const hTilde = tf.tanh(tf.add(tf.add(tf.matMul(x, this.Wh), tf.matMul(tf.mul(f, h), this.Uh)), this.bh));
    return tf.add(tf.mul(tf.sub(1, f), h), tf.mul(f, hTilde));
  }
}

class StreamingVAD {
  constructor(cell, threshold = 0.5) {
    this.cell = cell;
    this.threshold = threshold;
    this.wOut = tf.variable(tf.randomNormal([cell.units, 1], 0, 0.1));
    this.bOut = tf.variable(tf.zeros([1]));
    this.h = tf.zeros([1, cell.units]);
  }

  // frame: Float32Array of MELS log-mel energies (10 ms hop)
  push(frame) {
    const prob = tf.tidy(() => {
      const x = tf.tensor2d(frame, [1, MELS]);
      this.h = this.cell.step(x, this.h);
      return tf.sigmoid(tf.add(tf.matMul(this.h, this.wOut), this.bOut));
    });
    const p = prob.dataSync()[0];
    prob.dispose();
    return p >= this.threshold;
  }
}

// Fake log-mel frames: background noise with loud bursts where someone is talking.
function fakeRecording(seconds) {
  const frames = [];
  const n = seconds * 100;
  let talking = false;
  for (let i = 0; i < n; i++) {
    if (Math.random() < 0.01) talking = !talking;
    const frame = new Float32Array(MELS);
    for (let m = 0; m < MELS; m++) frame[m] = -6 + Math.random() + (talking && m < 24 ? 4 : 0);
    frames.push(frame);
  }
  return frames;
}

function segments(flags, hopMs = 10) {
  const out = [];
  let start = -1;
  flags.forEach((on, i) => {
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.push([start * hopMs, i * hopMs]);
      start = -1;
    }
  });
  if (start >= 0) out.push([start * hopMs, flags.length * hopMs]);
  return out;
}

function main() {
  const vad = new StreamingVAD(new MGUCell(MELS, UNITS));
  const recordings = ['call-001.wav', 'call-002.wav', 'call-003.wav'].map((name) => ({
    name,
    frames: fakeRecording(8),
  }));
  for (const rec of recordings) {
    const flags = rec.frames.map((frame) => vad.push(frame));
    const segs = segments(flags);
    const speechMs = segs.reduce((s, [a, b]) => s + (b - a), 0);
    console.log(`${rec.name}: ${segs.length} speech segments, ${(speechMs / 1000).toFixed(2)} s of speech`);
  }
}

main();
