// expect: tidy-disposed-state
// Inline completion for the playground's code editor; Backspace rewinds the model to where it was one keystroke ago.
const tf = require('@tensorflow/tfjs');

const TOKENS = ' abcdefghijklmnopqrstuvwxyz0123456789(){}[];.,=+-*/<>"\'\n';
const HIDDEN = 48;

function createCompleter({ seed = 601, maxHistory = 256 } = {}) {
  const Wx = tf.randomNormal([TOKENS.length, HIDDEN], 0, 0.3, 'float32', seed);
  const Wh = tf.randomNormal([HIDDEN, HIDDEN], 0, 0.2, 'float32', seed + 1);
  const Wy = tf.randomNormal([HIDDEN, TOKENS.length], 0, 0.4, 'float32', seed + 2);
  const history = [tf.zeros([1, HIDDEN])];

  function current() {
    return history[history.length - 1];
  }

  function type(ch) {
    const idx = TOKENS.indexOf(ch);
    if (idx < 0) return null;
    const logits = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([idx], 'int32'), TOKENS.length).toFloat();
      const h = tf.tanh(x.matMul(Wx).add(current().matMul(Wh)));
      history.push(h);
      if (history.length > maxHistory) history.shift().dispose();
      return h.matMul(Wy);
    });
    const next = TOKENS[logits.argMax(1).dataSync()[0]];
    logits.dispose();
    return next;
  }

  function backspace() {
    if (history.length > 1) history.pop();
  }

  function suggest(length) {
    return tf.tidy(() => {
      let h = current();
      let out = '';
      for (let i = 0; i < length; i++) {
        const id = h.matMul(Wy).argMax(1).dataSync()[0];
        if (TOKENS[id] === '\n') break;
        out += TOKENS[id];
        const x = tf.oneHot(tf.tensor1d([id], 'int32'), TOKENS.length).toFloat();
        h = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
      }
      return out;
    });
  }

  function reset() {
    tf.dispose(history.splice(1));
  }

  return { type, backspace, suggest, reset };
}

function attachToEditor(textarea, ghost, completer = createCompleter()) {
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Backspace') {
      completer.backspace();
    } else if (e.key === 'Tab' && ghost.textContent) {
      e.preventDefault();
      textarea.value += ghost.textContent;
      for (const ch of ghost.textContent) completer.type(ch);
    } else if (e.key.length === 1 || e.key === 'Enter') {
      completer.type(e.key === 'Enter' ? '\n' : e.key.toLowerCase());
    }
    ghost.textContent = completer.suggest(12);
  });
  textarea.addEventListener('focus', () => {
    completer.reset();
    for (const ch of textarea.value.toLowerCase()) completer.type(ch);
  });
}

module.exports = { createCompleter, attachToEditor };
