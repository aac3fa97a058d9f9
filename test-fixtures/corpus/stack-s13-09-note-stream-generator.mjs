// expect: stacked-activation
// Streams generated notes into the piano-roll element as they are sampled, with a temperature slider.
import * as tf from '@tensorflow/tfjs';

export const NOTE_NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B', '-'];
const CONTEXT = 8;

export function buildNoteModel() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 48, inputShape: [CONTEXT, NOTE_NAMES.length] }));
  model.add(tf.layers.dense({ units: NOTE_NAMES.length, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}

function sampleIndex(probs, rand = Math.random) {
  let r = rand();
  for (let i = 0; i < probs.length; i++) {
    r -= probs[i];
    if (r <= 0) return i;
  }
  return probs.length - 1;
}

export function nextNoteDistribution(model, history, temperature) {
  return tf.tidy(() => {
    const ctx = history.slice(-CONTEXT);
    while (ctx.length < CONTEXT) ctx.unshift(NOTE_NAMES.length - 1);
    const x = tf.oneHot(tf.tensor1d(ctx, 'int32'), NOTE_NAMES.length).toFloat().expandDims(0);
    const out = model.predict(x);
    return tf.softmax(out.squeeze().div(temperature));
  });
}

export async function* generateNotes(model, seed, { length = 32, temperature = 1.0, rand } = {}) {
  const history = [...seed];
  for (let i = 0; i < length; i++) {
    const dist = nextNoteDistribution(model, history, temperature);
    const probs = await dist.data();
    dist.dispose();
    const note = sampleIndex(probs, rand);
    history.push(note);
    yield { note, name: NOTE_NAMES[note], confidence: probs[note] };
    await tf.nextFrame();
  }
}

export async function renderInto(roll, model, seed, temperature) {
  roll.innerHTML = '';
  for await (const { name, confidence } of generateNotes(model, seed, { temperature })) {
    const cell = document.createElement('span');
    cell.className = 'note';
    cell.textContent = name;
    cell.style.opacity = String(0.3 + 0.7 * confidence);
    roll.appendChild(cell);
  }
}

if (typeof document !== 'undefined' && document.getElementById('generate')) {
  const model = buildNoteModel();
  const button = document.getElementById('generate');
  const slider = document.getElementById('temperature');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await renderInto(document.getElementById('piano-roll'), model, [0, 4, 7], Number(slider.value) || 1.0);
    } finally {
      button.disabled = false;
    }
  });
}
