// expect: returns-input-state, tidy-disposed-state
// Multi-turn chatbot backend: one LSTM conversation state per session id, updated by each user turn and bot reply.
'use strict';
const tf = require('@tensorflow/tfjs');

const VOCAB = ['<pad>', '<s>', '</s>', '<user>', '<bot>', 'hi', 'hello', 'what', 'time', 'is', 'it', 'noon', 'thanks', 'welcome', 'bye'];
const UNITS = 20;

class DialogueLstm {
  constructor(seed = 9) {
    this.emb = tf.randomNormal([VOCAB.length, 12], 0, 0.5, 'float32', seed);
    this.kernel = tf.randomNormal([12 + UNITS, 4 * UNITS], 0, 0.3, 'float32', seed + 1);
    this.bias = tf.zeros([4 * UNITS]);
    this.readout = tf.randomNormal([UNITS, VOCAB.length], 0, 0.8, 'float32', seed + 2);
  }

  initialState() {
    return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  }

  step(tokenId, state) {
    const x = tf.gather(this.emb, [tokenId]);
    const z = tf.add(tf.matMul(tf.concat([x, state.h], 1), this.kernel), this.bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.add(tf.mul(tf.sigmoid(f), state.c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    const h = tf.mul(tf.sigmoid(o), tf.tanh(c));
    return { ...state, h };
  }

  logits(state) {
    return tf.matMul(state.h, this.readout);
  }
}

class ChatBackend {
  constructor(model) {
    this.model = model;
    this.sessions = new Map();
  }

  encodeText(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean).map((w) => Math.max(0, VOCAB.indexOf(w)));
  }

  handleTurn(sessionId, userText, maxReply = 6) {
    const reply = [];
    tf.tidy(() => {
      let state = this.sessions.get(sessionId) || this.model.initialState();
      for (const id of [VOCAB.indexOf('<user>'), ...this.encodeText(userText)]) {
        state = this.model.step(id, state);
      }
      let token = VOCAB.indexOf('<bot>');
      while (reply.length < maxReply) {
        state = this.model.step(token, state);
        token = this.model.logits(state).argMax(1).dataSync()[0];
        if (token === 2) break;
        reply.push(VOCAB[token]);
      }
      this.sessions.set(sessionId, state);
    });
    return reply.join(' ');
  }

  endSession(sessionId) {
    const state = this.sessions.get(sessionId);
    if (state) tf.dispose([state.h, state.c]);
    this.sessions.delete(sessionId);
  }
}

module.exports = { DialogueLstm, ChatBackend, VOCAB };

if (require.main === module) {
  const backend = new ChatBackend(new DialogueLstm());
  console.log('bot:', backend.handleTurn('alice', 'hi'));
  console.log('bot:', backend.handleTurn('alice', 'what time is it'));
  backend.endSession('alice');
}
