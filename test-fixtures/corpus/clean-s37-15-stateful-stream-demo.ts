// expect: none
// Streaming demo: feeds each audio clip's feature frames in chunks to a stateful LSTM and charts the per-chunk activity score.
import * as tf from '@tensorflow/tfjs';

const CHUNK = 10;
const FEATURES = 13;

export interface Clip { name: string; frames: number[][]; }
export interface ClipTrace { name: string; scores: number[]; }

export function buildStreamingModel(units = 32): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units,
    stateful: true,
    returnSequences: false,
    batchInputShape: [1, CHUNK, FEATURES],
  }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

function chunks(frames: number[][]): number[][][] {
  const out: number[][][] = [];
  for (let i = 0; i + CHUNK <= frames.length; i += CHUNK) out.push(frames.slice(i, i + CHUNK));
  return out;
}

export async function traceClips(model: tf.Sequential, clips: Clip[]): Promise<ClipTrace[]> {
  const traces: ClipTrace[] = [];
  for (const clip of clips) {
    model.resetStates();
    const scores: number[] = [];
    for (const chunk of chunks(clip.frames)) {
      const score = tf.tidy(() => model.predict(tf.tensor3d([chunk])) as tf.Tensor);
      scores.push((await score.data())[0]);
      score.dispose();
    }
    traces.push({ name: clip.name, scores });
  }
  model.resetStates();
  return traces;
}

export function chart(svg: SVGSVGElement, traces: ClipTrace[]): void {
  const ns = 'http://www.w3.org/2000/svg';
  const width = svg.clientWidth || 600;
  const rowH = 40;
  svg.replaceChildren();
  svg.setAttribute('height', String(traces.length * rowH));
  traces.forEach((trace, row) => {
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(row * rowH + 14));
    label.textContent = trace.name;
    svg.appendChild(label);
    const barW = (width - 120) / Math.max(trace.scores.length, 1);
    trace.scores.forEach((s, i) => {
      const rect = document.createElementNS(ns, 'rect');
      rect.setAttribute('x', String(120 + i * barW));
      rect.setAttribute('y', String(row * rowH + (1 - s) * (rowH - 6)));
      rect.setAttribute('width', String(Math.max(barW - 1, 1)));
      rect.setAttribute('height', String(s * (rowH - 6)));
      svg.appendChild(rect);
    });
  });
}

export async function run(svg: SVGSVGElement, weightsUrl: string, clipsUrl: string): Promise<void> {
  const model = buildStreamingModel();
  const trained = await tf.loadLayersModel(weightsUrl);
  model.setWeights(trained.getWeights());
  trained.dispose();
  const clips: Clip[] = await (await fetch(clipsUrl)).json();
  chart(svg, await traceClips(model, clips));
}
