// expect: stale-state
// ETL step: reads JSONL heart-rate traces from a stream and appends a per-beat RNN risk curve to each record.
import * as tf from '@tensorflow/tfjs';
import * as readline from 'readline';
import { Readable, Writable } from 'stream';

type Trace = { patient: string; bpm: number[] };
type Enriched = Trace & { risk: number[] };

const UNITS = 6;

const cellWeights = {
  wx: tf.randomNormal([1, UNITS], 0, 0.8, 'float32', 701) as tf.Tensor2D,
  wh: tf.randomNormal([UNITS, UNITS], 0, 0.5, 'float32', 702) as tf.Tensor2D,
  wy: tf.randomNormal([UNITS, 1], 0, 0.8, 'float32', 703) as tf.Tensor2D,
};

function forward(x: tf.Tensor2D, h: tf.Tensor2D): { y: tf.Tensor2D; h: tf.Tensor2D } {
  const hNext = tf.tanh(x.matMul(cellWeights.wx).add(h.matMul(cellWeights.wh))) as tf.Tensor2D;
  return { y: tf.sigmoid(hNext.matMul(cellWeights.wy)) as tf.Tensor2D, h: hNext };
}

export function riskCurve(bpm: number[]): number[] {
  return tf.tidy(() => {
    const initial = tf.zeros([1, UNITS]) as tf.Tensor2D;
    const xs = bpm.map((b) => tf.tensor2d([[(b - 70) / 30]]));
    const { outputs } = xs.reduce(
      (acc, x) => {
        const { y, h } = forward(x, initial);
        return { h, outputs: [...acc.outputs, y] };
      },
      { h: initial, outputs: [] as tf.Tensor2D[] },
    );
    if (outputs.length === 0) return [];
    return Array.from(tf.concat(outputs, 0).dataSync()).map((v) => Number(v.toFixed(4)));
  });
}

async function* enrich(lines: AsyncIterable<string>): AsyncGenerator<Enriched> {
  for await (const line of lines) {
    if (!line.trim()) continue;
    let rec: Trace;
    try {
      rec = JSON.parse(line) as Trace;
    } catch {
      console.error(`bad json, skipped: ${line.slice(0, 30)}`);
      continue;
    }
    yield { ...rec, risk: riskCurve(rec.bpm) };
  }
}

export async function runPipeline(input: Readable, output: Writable): Promise<number> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const rec of enrich(rl)) {
    output.write(JSON.stringify(rec) + '\n');
    n++;
  }
  return n;
}

if (require.main === module) {
  const demo = [
    { patient: 'p-01', bpm: [72, 75, 90, 120, 135] },
    { patient: 'p-02', bpm: [60, 61, 59, 60] },
  ]
    .map((r) => JSON.stringify(r))
    .concat(['{oops'])
    .join('\n');
  const input = process.stdin.isTTY ? Readable.from([demo]) : process.stdin;
  runPipeline(input, process.stdout)
    .then((n) => console.error(`enriched ${n} records`))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
