// expect: none
// Conversation-state store for a chat intent tagger: one recurrent state per user, fresh for every conversation.
'use strict';

const tf = require('@tensorflow/tfjs');

class ConversationStore {
  /**
   * @param {{vocab: number, units?: number, intents: string[], seed?: number}} opts
   */
  constructor(opts) {
    const units = opts.units || 12;
    const seed = opts.seed || 31;
    this.units = units;
    this.intents = opts.intents;
    this.embedding = tf.randomNormal([opts.vocab, units], 0, 0.4, 'float32', seed);
    this.wRec = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
    this.wOut = tf.randomNormal([units, opts.intents.length], 0, 0.4, 'float32', seed + 2);
    /** userId -> { conversationId, h } */
    this.sessions = new Map();
  }

  /** Returns the state for this user's conversation, resetting it when a new conversation starts. */
  stateFor(userId, conversationId) {
    const entry = this.sessions.get(userId);
    if (entry && entry.conversationId === conversationId) {
      return entry.h;
    }
    if (entry) entry.h.dispose();
    const h = tf.zeros([1, this.units]);
    this.sessions.set(userId, { conversationId, h });
    return h;
  }

  /**
   * Feeds one message (token ids) and returns the intent distribution after it.
   * @param {{userId: string, conversationId: string, tokens: number[]}} msg
   */
  tag(msg) {
    const prev = this.stateFor(msg.userId, msg.conversationId);
    const result = tf.tidy(() => {
      let h = prev;
      for (const tok of msg.tokens) {
        h = tf.tanh(tf.gather(this.embedding, [tok]).add(h.matMul(this.wRec)));
      }
      const probs = tf.softmax(h.matMul(this.wOut)).squeeze([0]);
      return { h: tf.keep(h), probs };
    });
    if (result.h !== prev) {
      prev.dispose();
    }
    this.sessions.set(msg.userId, { conversationId: msg.conversationId, h: result.h });
    const p = Array.from(result.probs.dataSync());
    result.probs.dispose();
    const best = p.indexOf(Math.max(...p));
    return { intent: this.intents[best], confidence: p[best], distribution: p };
  }

  /** Drops everything we know about a user. */
  forget(userId) {
    const entry = this.sessions.get(userId);
    if (entry) {
      entry.h.dispose();
      this.sessions.delete(userId);
    }
  }

  dispose() {
    for (const userId of [...this.sessions.keys()]) this.forget(userId);
    tf.dispose([this.embedding, this.wRec, this.wOut]);
  }
}

module.exports = { ConversationStore };
