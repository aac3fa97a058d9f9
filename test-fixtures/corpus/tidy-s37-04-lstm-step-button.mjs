// expect: tidy-disposed-state
// Explainer widget: a "step" button advances a hand-written LSTM cell by one character and prints h and c.
import * as tf from '@tensorflow/tfjs';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz ';
const UNITS = 6;

function makeLstm(inputSize, units) {
  const init = tf.initializers.glorotUniform({ seed: 11 });
  return {
    W: init.apply([inputSize, 4 * units]),
    U: init.apply([units, 4 * units]),
    b: tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]),
  };
}

function lstmStep({ W, U, b }, x, h, c) {
  const gates = x.matMul(W).add(h.matMul(U)).add(b);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
  return [hNext, cNext];
}

const oneHot = (ch) => tf.oneHot([ALPHABET.indexOf(ch)], ALPHABET.length).toFloat();

export function createStepper(text, outputEl) {
  const params = makeLstm(ALPHABET.length, UNITS);
  const state = { pos: 0, h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };

  function render() {
    const hVals = Array.from(state.h.dataSync(), (v) => v.toFixed(3));
    const cVals = Array.from(state.c.dataSync(), (v) => v.toFixed(3));
    outputEl.textContent =
      `step ${state.pos} read "${text[state.pos - 1] ?? ''}"\n` +
      `h = [${hVals.join(', ')}]\n` +
      `c = [${cVals.join(', ')}]`;
  }

  function step() {
    if (state.pos >= text.length) return;
    const ch = text[state.pos];
    const prevH = state.h;
    const prevC = state.c;
    tf.tidy(() => {
      const [h, c] = lstmStep(params, oneHot(ch), prevH, prevC);
      state.h = h;
      state.c = c;
    });
    prevH.dispose();
    prevC.dispose();
    state.pos += 1;
    render();
  }

  function reset() {
    state.h.dispose();
    state.c.dispose();
    state.h = tf.zeros([1, UNITS]);
    state.c = tf.zeros([1, UNITS]);
    state.pos = 0;
    render();
  }

  render();
  return { step, reset };
}

const out = document.getElementById('lstm-state');
const input = document.getElementById('lstm-text');
let stepper = createStepper(input.value.toLowerCase(), out);
document.getElementById('btn-step').addEventListener('click', () => stepper.step());
document.getElementById('btn-reset').addEventListener('click', () => stepper.reset());
input.addEventListener('change', () => {
  stepper = createStepper(input.value.toLowerCase(), out);
});
