// expect: unused-hidden-state
// Dialogue-state tracker for a voice assistant: per-call GRU memory kept in a Map and updated on every ASR turn.
const tf = require('@tensorflow/tfjs');

const UTT_DIM = 256; // utterance encoder output
const HIDDEN = 128;
const SLOTS = ['city', 'date', 'time', 'party_size', 'cuisine'];

class DialogueGRU {
  constructor() {
    const init = tf.initializers.glorotUniform({ seed: 9 });
    this.W = tf.variable(init.apply([UTT_DIM, 3 * HIDDEN]));
    this.U = tf.variable(init.apply([HIDDEN, 3 * HIDDEN]));
    this.b = tf.variable(tf.zeros([3 * HIDDEN]));
    this.h0 = tf.variable(tf.zeros([1, HIDDEN]));
    this.slotHead = tf.variable(init.apply([HIDDEN, SLOTS.length]));
  }

  initHidden(batch = 1) {
    return tf.tidy(() => tf.tile(this.h0, [batch, 1]));
  }

  forward(input, hidden) {
    hidden = this.initHidden(input.shape[0]);
    return tf.tidy(() => {
      const [xz, xr, xn] = tf.split(tf.matMul(input, this.W).add(this.b), 3, 1);
      const [uz, ur, un] = tf.split(this.U, 3, 1);
      const z = tf.sigmoid(xz.add(tf.matMul(hidden, uz)));
      const r = tf.sigmoid(xr.add(tf.matMul(hidden, ur)));
      const n = tf.tanh(xn.add(tf.matMul(r.mul(hidden), un)));
      const hNext = tf.sub(1, z).mul(n).add(z.mul(hidden));
      const slotFilled = tf.sigmoid(tf.matMul(hNext, this.slotHead));
      return [slotFilled, hNext];
    });
  }
}

class CallTracker {
  constructor(model, encodeUtterance) {
    this.model = model;
    this.encodeUtterance = encodeUtterance;
    this.calls = new Map();
  }

  async onTurn(callId, transcript) {
    const vec = await this.encodeUtterance(transcript);
    const input = tf.tensor2d([vec], [1, UTT_DIM]);
    const prev = this.calls.get(callId) ?? this.model.initHidden();
    const [slots, next] = this.model.forward(input, prev);
    input.dispose();
    prev.dispose();
    this.calls.set(callId, next);
    const probs = await slots.data();
    slots.dispose();
    return Object.fromEntries(SLOTS.map((s, i) => [s, probs[i]]));
  }

  onHangup(callId) {
    const h = this.calls.get(callId);
    if (h) h.dispose();
    this.calls.delete(callId);
  }
}

function registerRoutes(app, tracker) {
  app.post('/calls/:callId/turns', async (req, reply) => {
    const { transcript } = req.body;
    const slots = await tracker.onTurn(req.params.callId, transcript);
    const missing = Object.entries(slots)
      .filter(([, p]) => p < 0.5)
      .map(([s]) => s);
    return reply.send({ slots, nextPrompt: missing.length ? `ask_${missing[0]}` : 'confirm_booking' });
  });

  app.post('/calls/:callId/hangup', async (req, reply) => {
    tracker.onHangup(req.params.callId);
    return reply.code(204).send();
  });
}

module.exports = { DialogueGRU, CallTracker, registerRoutes };
