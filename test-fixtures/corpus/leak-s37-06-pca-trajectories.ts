// expect: state-leak
// Visualiser: feeds example sentences token by token into a stateful SimpleRNN and plots each sentence's hidden-state trajectory in 2-D.
import * as tf from '@tensorflow/tfjs';

const VOCAB = ['<pad>', 'the', 'cat', 'dog', 'sat', 'ran', 'on', 'mat', 'away', 'quickly', '.'];
const UNITS = 12;

interface Trajectory { sentence: string; points: Array<[number, number]>; }

function buildStepModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB.length, outputDim: 8, batchInputShape: [1, 1] }));
  model.add(tf.layers.simpleRNN({ units: UNITS, stateful: true, returnSequences: false }));
  return model;
}

function tokenize(sentence: string): number[] {
  return sentence.toLowerCase().replace('.', ' .').split(/\s+/).filter(Boolean)
    .map((w) => Math.max(0, VOCAB.indexOf(w)));
}

function project(states: number[][], basis: tf.Tensor2D): Array<[number, number]> {
  return tf.tidy(() => {
    const pts = tf.tensor2d(states).matMul(basis).arraySync() as number[][];
    return pts.map(([a, b]) => [a, b] as [number, number]);
  });
}

export function collectTrajectories(model: tf.LayersModel, sentences: string[], basis: tf.Tensor2D): Trajectory[] {
  const out: Trajectory[] = [];
  for (const sentence of sentences) {
    const states: number[][] = [];
    for (const id of tokenize(sentence)) {
      const h = tf.tidy(() => model.predict(tf.tensor2d([[id]])) as tf.Tensor2D);
      states.push((h.arraySync() as number[][])[0]);
      h.dispose();
    }
    out.push({ sentence, points: project(states, basis) });
  }
  return out;
}

export function drawTrajectories(canvas: HTMLCanvasElement, trajectories: Trajectory[]): void {
  const ctx = canvas.getContext('2d')!;
  const scale = canvas.width / 4;
  const toPx = ([a, b]: [number, number]) => [canvas.width / 2 + a * scale, canvas.height / 2 - b * scale];
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  trajectories.forEach((traj, k) => {
    ctx.strokeStyle = `hsl(${(k * 67) % 360}, 70%, 45%)`;
    ctx.beginPath();
    traj.points.forEach((p, i) => {
      const [x, y] = toPx(p);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
    const [lx, ly] = toPx(traj.points[traj.points.length - 1]);
    ctx.fillText(traj.sentence, lx + 4, ly);
  });
}

export function run(canvas: HTMLCanvasElement, textarea: HTMLTextAreaElement): void {
  const model = buildStepModel();
  const basis = tf.randomNormal([UNITS, 2], 0, 1 / Math.sqrt(UNITS), 'float32', 42) as tf.Tensor2D;
  const sentences = textarea.value.split('\n').map((s) => s.trim()).filter(Boolean);
  drawTrajectories(canvas, collectTrajectories(model, sentences, basis));
}
