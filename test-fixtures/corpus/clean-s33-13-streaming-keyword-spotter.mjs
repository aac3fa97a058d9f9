// expect: none
// Streaming keyword spotter: an LSTM reads MFCC-like frames one at a time and keeps its state between frames of a clip.
import * as tf from '@tensorflow/tfjs';

const N_MFCC = 13;
const HIDDEN = 32;
const LABELS = ['_background_', 'hey_device'];

class StreamingKWS {
  constructor() {
    const self = this;
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.1));
    self.W_x = init([N_MFCC, 4 * HIDDEN]);
    self.W_h = init([HIDDEN, 4 * HIDDEN]);
    self.b = tf.variable(tf.zeros([4 * HIDDEN]));
    self.W_cls = init([HIDDEN, LABELS.length]);
    self.b_cls = tf.variable(tf.zeros([LABELS.length]));
    self.h = null;
    self.c = null;
    self.reset_states();
  }

  init_states() {
    return [tf.zeros([1, HIDDEN]), tf.zeros([1, HIDDEN])];
  }

  reset_states() {
    tf.dispose([this.h, this.c].filter((t) => t !== null));
    [this.h, this.c] = this.init_states();
  }

  forward(frame, [h, c]) {
    const self = this;
    const gates = tf.matMul(frame, self.W_x).add(tf.matMul(h, self.W_h)).add(self.b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const c_next = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const h_next = tf.sigmoid(o).mul(tf.tanh(c_next));
    const logits = tf.matMul(h_next, self.W_cls).add(self.b_cls);
    return [logits, [h_next, c_next]];
  }

  // returns P(keyword) after this frame
  push_frame(frame_values) {
    const self = this;
    return tf.tidy(() => {
      const [logits, [h_next, c_next]] = self.forward(tf.tensor2d([frame_values]), [self.h, self.c]);
      tf.dispose([self.h, self.c]);
      self.h = tf.keep(h_next);
      self.c = tf.keep(c_next);
      return tf.softmax(logits).dataSync()[1];
    });
  }
}

function spot_keyword(kws, clip_frames, { threshold = 0.8, min_frames = 5 } = {}) {
  kws.reset_states();
  let run = 0;
  for (const [t, frame] of clip_frames.entries()) {
    const p = kws.push_frame(frame);
    run = p > threshold ? run + 1 : 0;
    if (run >= min_frames) return t;
  }
  return -1;
}

function fake_clip(n_frames) {
  return Array.from({ length: n_frames }, () =>
    Array.from({ length: N_MFCC }, () => Math.random() * 2 - 1));
}

const kws = new StreamingKWS();
const clips = {
  'clip_001.wav': fake_clip(98),
  'clip_002.wav': fake_clip(120),
  'clip_003.wav': fake_clip(75),
};

for (const [name, frames] of Object.entries(clips)) {
  const hit = spot_keyword(kws, frames);
  console.log(hit >= 0 ? `${name}: '${LABELS[1]}' at frame ${hit}` : `${name}: no keyword`);
}
console.log('live tensors:', tf.memory().numTensors);
