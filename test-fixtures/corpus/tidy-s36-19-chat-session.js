// expect: tidy-disposed-state
// ES5 chat-intent session object: folds each user message into a running RNN summary, CommonJS export.
'use strict';

var tf = require('@tensorflow/tfjs');

var INTENTS = ['greeting', 'billing', 'cancel', 'tech', 'other'];

/**
 * @constructor
 * @param {{ embedding: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D, wo: tf.Tensor2D, bo: tf.Tensor1D }} params
 * @param {Object<string, number>} vocab
 */
function ChatSession(params, vocab) {
  this.params = params;
  this.vocab = vocab;
  this.units = params.wh.shape[0];
  this.turns = 0;
  this.h = tf.zeros([1, this.units]);
}

ChatSession.prototype.tokenIds = function (text) {
  var vocab = this.vocab;
  return text.toLowerCase().split(/\W+/).filter(Boolean).map(function (w) {
    return vocab.hasOwnProperty(w) ? vocab[w] : vocab['<unk>'];
  });
};

ChatSession.prototype.cell = function (x, h) {
  var p = this.params;
  return tf.tanh(tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(h, p.wh)), p.b));
};

/**
 * Fold one message into the session state.
 * @param {string} text
 */
ChatSession.prototype.addMessage = function (text) {
  var self = this;
  var ids = self.tokenIds(text);
  if (ids.length === 0) return;
  tf.tidy(function () {
    var h = self.h;
    var rows = tf.gather(self.params.embedding, ids);
    tf.unstack(rows).forEach(function (vec) {
      h = self.cell(vec.expandDims(0), h);
    });
    self.h = h;
  });
  self.turns += 1;
};

/**
 * @returns {{ intent: string, confidence: number, turns: number }}
 */
ChatSession.prototype.currentIntent = function () {
  var self = this;
  return tf.tidy(function () {
    var logits = tf.add(tf.matMul(self.h, self.params.wo), self.params.bo);
    var probs = tf.softmax(logits).dataSync();
    var best = 0;
    for (var i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
    return { intent: INTENTS[best], confidence: probs[best], turns: self.turns };
  });
};

ChatSession.prototype.close = function () {
  this.h.dispose();
};

/**
 * @param {object} params
 * @param {Object<string, number>} vocab
 * @param {string[]} messages
 * @param {(err: Error|null, res?: object) => void} done
 */
function classifyConversation(params, vocab, messages, done) {
  var session = new ChatSession(params, vocab);
  try {
    messages.forEach(function (m) { session.addMessage(m); });
    var res = session.currentIntent();
    session.close();
    done(null, res);
  } catch (err) {
    done(err);
  }
}

module.exports = { ChatSession: ChatSession, classifyConversation: classifyConversation, INTENTS: INTENTS };
