// expect: returns-input-state
// Textarea autocomplete widget: after the user pauses typing, a word-level RNN suggests the next three words.
const tf = require('@tensorflow/tfjs');

const HIDDEN = 128;
const DEBOUNCE_MS = 250;

let params = null;
let vocab = null;
let index = null;

async function init(baseUrl) {
  const [w, v] = await Promise.all([
    fetch(`${baseUrl}/weights.json`).then((r) => r.json()),
    fetch(`${baseUrl}/vocab.json`).then((r) => r.json()),
  ]);
  params = {
    emb: tf.tensor2d(w.embedding),
    Wx: tf.tensor2d(w.Wx),
    Wh: tf.tensor2d(w.Wh),
    b: tf.tensor1d(w.b),
    Wy: tf.tensor2d(w.Wy),
    by: tf.tensor1d(w.by),
  };
  vocab = v;
  index = new Map(v.map((word, i) => [word, i]));
}

function lookup(word) {
  return index.has(word) ? index.get(word) : index.get('<unk>');
}

// x: [1, E] embedding, prevState: [1, H]
function rnnStep(p, x, prevState) {
  return tf.tidy(() => {
    const z = tf.addN([tf.matMul(x, p.Wx), tf.matMul(prevState, p.Wh), p.b]);
    const nextState = tf.tanh(z);
    const logits = tf.add(tf.matMul(nextState, p.Wy), p.by);
    return { logits, state: prevState };
  });
}

function embedWord(p, id) {
  return tf.tidy(() => tf.gather(p.emb, tf.tensor1d([id], 'int32')));
}

function suggest(text, howMany = 3) {
  const words = text.toLowerCase().match(/[a-z']+/g) || [];
  if (!words.length) return [];

  const ids = tf.tidy(() => {
    let state = tf.zeros([1, HIDDEN]);
    let logits = null;
    for (const word of words.slice(-40)) {
      ({ logits, state } = rnnStep(params, embedWord(params, lookup(word)), state));
    }
    const picked = [];
    for (let k = 0; k < howMany; k++) {
      const id = logits.argMax(-1).dataSync()[0];
      picked.push(id);
      ({ logits, state } = rnnStep(params, embedWord(params, id), state));
    }
    return picked;
  });
  return ids.map((id) => vocab[id]);
}

function attach(textarea, chipContainer) {
  let timer = null;
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const words = suggest(textarea.value);
      if (!words.length) return;
      chipContainer.innerHTML = '';
      for (const w of words) {
        const chip = document.createElement('button');
        chip.textContent = w;
        chip.onclick = () => {
          textarea.value = textarea.value.replace(/\s*$/, ' ') + w + ' ';
          textarea.dispatchEvent(new Event('input'));
        };
        chipContainer.appendChild(chip);
      }
    }, DEBOUNCE_MS);
  });
}

module.exports = { init, attach, suggest };
