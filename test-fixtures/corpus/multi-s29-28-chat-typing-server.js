// expect: state-leak, returns-input-state
// WebSocket chat server helper: estimates how likely each connected user is to send another message soon.
const tf = require('@tensorflow/tfjs');

const FEATS = 3;
const UNITS = 12;

class EngagementLstm {
  constructor(seed = 181) {
    this.kernel = tf.randomNormal([FEATS + UNITS, 4 * UNITS], 0, 0.3, 'float32', seed);
    this.bias = tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]);
    this.readout = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 1);
  }

  zeroState() {
    return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  }

  step(x, state) {
    const h = state.h;
    const c = state.c;
    return tf.tidy(() => {
      const gates = tf.matMul(tf.concat([x, h], 1), this.kernel).add(this.bias);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hOut = tf.sigmoid(o).mul(tf.tanh(cNew));
      const output = tf.sigmoid(tf.matMul(hOut, this.readout));
      return { output, h: h, c: cNew };
    });
  }
}

const model = new EngagementLstm();
let state = model.zeroState();

function featuresFor(msg, lastAt) {
  const now = Date.now();
  const gap = lastAt ? (now - lastAt) / 1000 : 60;
  const len = String(msg.text || '').length;
  return [Math.log1p(gap), Math.log1p(len), msg.text && msg.text.endsWith('?') ? 1 : 0];
}

function onConnection(socket, userId) {
  let lastAt = 0;

  socket.on('message', (raw) => {
    let msg;
    try {
      msg = JSON.parse(String(raw));
    } catch (e) {
      return;
    }
    if (msg.type !== 'chat') return;

    const x = tf.tensor2d([featuresFor(msg, lastAt)]);
    const next = model.step(x, state);
    x.dispose();
    state = { h: next.h, c: next.c };
    lastAt = Date.now();

    const p = next.output.dataSync()[0];
    next.output.dispose();
    socket.send(JSON.stringify({ type: 'engagement', userId, p }));
  });

  socket.on('close', () => {
    lastAt = 0;
  });
}

module.exports = { EngagementLstm, onConnection };
