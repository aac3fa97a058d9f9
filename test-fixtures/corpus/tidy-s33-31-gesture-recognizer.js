// expect: tidy-disposed-state
// Real-time gesture recogniser: an LSTM consumes accelerometer frames as they arrive and reports the current gesture.
const tf = require('@tensorflow/tfjs');

const GESTURES = ['idle', 'swipe_left', 'swipe_right', 'shake'];
const HIDDEN = 32;

class GestureRecognizer {
  constructor() {
    const self = this;
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.1));
    self.W_x = init([3, 4 * HIDDEN]);
    self.W_h = init([HIDDEN, 4 * HIDDEN]);
    self.b = tf.variable(tf.zeros([4 * HIDDEN]));
    self.W_out = init([HIDDEN, GESTURES.length]);
    self.b_out = tf.variable(tf.zeros([GESTURES.length]));
    self.h = null;
    self.c = null;
    self.reset();
  }

  reset() {
    tf.dispose([this.h, this.c].filter(Boolean));
    this.h = tf.zeros([1, HIDDEN]);
    this.c = tf.zeros([1, HIDDEN]);
  }

  forward(x, h, c) {
    const self = this;
    const gates = tf.matMul(x, self.W_x).add(tf.matMul(h, self.W_h)).add(self.b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const c_next = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const h_next = tf.sigmoid(o).mul(tf.tanh(c_next));
    return [tf.matMul(h_next, self.W_out).add(self.b_out), h_next, c_next];
  }

  on_frame(ax, ay, az) {
    const self = this;
    return tf.tidy(() => {
      const [logits, h_next, c_next] = self.forward(tf.tensor2d([[ax, ay, az]]), self.h, self.c);
      tf.dispose([self.h, self.c]);
      self.h = tf.keep(h_next);
      self.c = c_next;
      const probs = tf.softmax(logits).dataSync();
      const best = probs.indexOf(Math.max(...probs));
      return { gesture: GESTURES[best], confidence: probs[best] };
    });
  }
}

function simulate_recording(kind, n = 60) {
  const noise = () => 0.05 * (Math.random() - 0.5);
  return Array.from({ length: n }, (_, t) => {
    if (kind === 'shake') return [Math.sin(t * 1.5) + noise(), noise(), 1 + noise()];
    if (kind === 'swipe_left') return [-Math.exp(-((t - 30) ** 2) / 40) + noise(), noise(), 1 + noise()];
    if (kind === 'swipe_right') return [Math.exp(-((t - 30) ** 2) / 40) + noise(), noise(), 1 + noise()];
    return [noise(), noise(), 1 + noise()];
  });
}

const recognizer = new GestureRecognizer();

for (const kind of ['idle', 'swipe_left', 'shake', 'swipe_right']) {
  recognizer.reset();
  let last = null;
  simulate_recording(kind).forEach(([ax, ay, az], t) => {
    const { gesture, confidence } = recognizer.on_frame(ax, ay, az);
    if (gesture !== last && confidence > 0.6) {
      console.log(`[${kind}] frame ${t}: ${gesture} (${confidence.toFixed(2)})`);
      last = gesture;
    }
  });
}
