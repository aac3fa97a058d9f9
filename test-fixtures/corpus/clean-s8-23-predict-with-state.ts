// expect: none
// Scores long log files chunk by chunk with a functional LSTM model whose hidden and cell states are explicit model inputs and outputs.
import * as tf from '@tensorflow/tfjs';

const CHUNK = 16;
const FEAT = 10;
const UNITS = 32;

export function buildStreamingModel(): tf.LayersModel {
  const x = tf.input({ shape: [CHUNK, FEAT], name: 'events' });
  const hIn = tf.input({ shape: [UNITS], name: 'h_in' });
  const cIn = tf.input({ shape: [UNITS], name: 'c_in' });
  const lstm = tf.layers.lstm({ units: UNITS, returnState: true, name: 'lstm' });
  const [seqOut, hOut, cOut] = lstm.apply(x, { initialState: [hIn, cIn] }) as tf.SymbolicTensor[];
  const score = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'risk' }).apply(seqOut) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, hIn, cIn], outputs: [score, hOut, cOut] });
}

function chunksOf(events: number[][]): number[][][] {
  const out: number[][][] = [];
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    while (chunk.length < CHUNK) chunk.push(new Array(FEAT).fill(0));
    out.push(chunk);
  }
  return out;
}

export interface FileScore {
  file: string;
  maxRisk: number;
  finalRisk: number;
}

export function scoreFiles(model: tf.LayersModel, files: Map<string, number[][]>): FileScore[] {
  const results: FileScore[] = [];
  for (const [file, events] of files) {
    // each log file is an independent stream
    let h = tf.zeros([1, UNITS]);
    let c = tf.zeros([1, UNITS]);
    let maxRisk = 0;
    let finalRisk = 0;
    for (const chunk of chunksOf(events)) {
      const x = tf.tensor3d([chunk]);
      const [risk, hNext, cNext] = model.predict([x, h, c]) as tf.Tensor[];
      tf.dispose([x, h, c]);
      h = hNext;
      c = cNext;
      finalRisk = risk.dataSync()[0];
      maxRisk = Math.max(maxRisk, finalRisk);
      risk.dispose();
    }
    tf.dispose([h, c]);
    results.push({ file, maxRisk, finalRisk });
  }
  return results;
}

export function demo(): void {
  const model = buildStreamingModel();
  const files = new Map<string, number[][]>();
  for (const name of ['auth.log', 'nginx.log', 'worker-3.log']) {
    const n = 20 + Math.floor(Math.random() * 60);
    files.set(name, Array.from({ length: n }, () => Array.from({ length: FEAT }, () => Math.random())));
  }
  for (const r of scoreFiles(model, files)) {
    console.log(`${r.file.padEnd(14)} max=${r.maxRisk.toFixed(3)} final=${r.finalRisk.toFixed(3)}`);
  }
  model.dispose();
}
