// expect: stale-state
// Animated explainer: plays an LSTM over a melody one note per frame, lighting up hidden units on a canvas grid.
import * as tf from '@tensorflow/tfjs';

const NOTES = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];

export function makeCell(units) {
  const cell = tf.layers.lstmCell({ units, kernelInitializer: 'glorotUniform' });
  cell.build([null, NOTES.length]);
  return cell;
}

async function stepAsync(cell, x, [h, c]) {
  const [out, hNext, cNext] = tf.tidy(() => cell.call([x, h, c], {}));
  await tf.nextFrame();
  return { output: out, state: [hNext, cNext] };
}

function drawGrid(ctx, values, note) {
  const side = Math.ceil(Math.sqrt(values.length));
  const size = ctx.canvas.width / side;
  values.forEach((v, i) => {
    const a = Math.min(1, Math.abs(v));
    ctx.fillStyle = v >= 0 ? `rgba(230, 120, 30, ${a})` : `rgba(40, 110, 220, ${a})`;
    ctx.fillRect((i % side) * size, Math.floor(i / side) * size, size - 2, size - 2);
  });
  ctx.fillStyle = '#222';
  ctx.font = '20px sans-serif';
  ctx.fillText(note, 8, ctx.canvas.height - 8);
}

export async function play(cell, melody, ctx, { msPerNote = 250, onStep } = {}) {
  const units = cell.units;
  const initState = [tf.zeros([1, units]), tf.zeros([1, units])];
  const frames = [];
  let t = 0;
  while (t < melody.length) {
    const x = tf.oneHot([NOTES.indexOf(melody[t])], NOTES.length).toFloat();
    const { output, state } = await stepAsync(cell, x, initState);
    const values = Array.from(await output.data());
    frames.push(values);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    drawGrid(ctx, values, melody[t]);
    if (onStep) onStep(t, values);
    tf.dispose([x, output, ...state]);
    await new Promise((r) => setTimeout(r, msPerNote));
    t++;
  }
  tf.dispose(initState);
  return frames;
}

export function wire() {
  const canvas = document.querySelector('#units');
  const unitsSlider = document.querySelector('#unit-count');
  const melodyInput = document.querySelector('#melody');
  const button = document.querySelector('#play');
  const log = document.querySelector('#log');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const cell = makeCell(Number(unitsSlider.value));
    const melody = melodyInput.value.toUpperCase().split(/\s+/).filter((n) => NOTES.includes(n));
    log.textContent = '';
    await play(cell, melody, canvas.getContext('2d'), {
      onStep: (t, v) => { log.textContent += `${t}: ${melody[t]} max=${Math.max(...v).toFixed(2)}\n`; },
    });
    cell.dispose();
    button.disabled = false;
  });
}
