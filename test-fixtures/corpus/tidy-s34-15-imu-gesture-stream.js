// expect: tidy-disposed-state
// Reads IMU packets from a serial stream and recognises wrist gestures online with a hand-rolled LSTM cell.
const tf = require('@tensorflow/tfjs');
const { EventEmitter } = require('events');

const UNITS = 32;
const GESTURES = ['none', 'flick', 'twist', 'shake', 'tap'];

class GestureRecognizer extends EventEmitter {
  constructor(weights, { minConfidence = 0.8, cooldownMs = 400 } = {}) {
    super();
    this.w = weights;
    this.minConfidence = minConfidence;
    this.cooldownMs = cooldownMs;
    this.lastFired = 0;
    this.state = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  }

  parse(buf) {
    // 6 little-endian int16: ax, ay, az, gx, gy, gz
    const v = [];
    for (let i = 0; i < 6; i++) v.push(buf.readInt16LE(i * 2) / 16384);
    return v;
  }

  onPacket(buf) {
    const sample = this.parse(buf);
    const { h, c } = this.state;
    const probs = tf.tidy(() => {
      const x = tf.tensor2d([sample]);
      const gates = x.matMul(this.w.W).add(h.matMul(this.w.U)).add(this.w.b);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
      this.state = { h: hNew, c: cNew };
      return tf.softmax(hNew.matMul(this.w.Wy).add(this.w.by)).squeeze();
    });
    tf.dispose([h, c]);

    const scores = probs.dataSync();
    probs.dispose();
    let best = 0;
    for (let k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
    const now = Date.now();
    if (best !== 0 && scores[best] >= this.minConfidence && now - this.lastFired > this.cooldownMs) {
      this.lastFired = now;
      this.emit('gesture', { name: GESTURES[best], confidence: scores[best], at: now });
    }
  }

  attach(port) {
    let pending = Buffer.alloc(0);
    port.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 12) {
        this.onPacket(pending.subarray(0, 12));
        pending = pending.subarray(12);
      }
    });
    port.on('close', () => this.emit('closed'));
    return this;
  }
}

function start(port, weights) {
  const rec = new GestureRecognizer(weights).attach(port);
  rec.on('gesture', (g) => console.log(`${new Date(g.at).toISOString()} ${g.name} (${g.confidence.toFixed(2)})`));
  rec.on('closed', () => console.log('serial port closed'));
  return rec;
}

module.exports = { GestureRecognizer, start };
