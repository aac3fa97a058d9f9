// expect: tidy-disposed-state
// Tails a temperature feed (stdin or built-in sample) and prints a smoothed next-minute estimate for every reading.
import * as tf from '@tensorflow/tfjs';
import readline from 'node:readline';
import { Readable } from 'node:stream';

export function createStreamingScorer({ units = 8, seed = 300 } = {}) {
  const wx = tf.randomNormal([1, units], 0, 0.5, 'float32', seed);
  const wh = tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1);
  const wy = tf.randomNormal([units, 1], 0, 0.5, 'float32', seed + 2);
  let state = null;
  let count = 0;

  function cell(x, h) {
    const hNext = tf.tanh(tf.add(tf.matMul(x, wx), tf.matMul(h, wh)));
    return { y: tf.matMul(hNext, wy), h: hNext };
  }

  return {
    push(value) {
      const y = tf.tidy(() => {
        const h = state ?? tf.zeros([1, units]);
        const out = cell(tf.tensor2d([[value]]), h);
        state = out.h;
        return out.y;
      });
      count++;
      const v = y.dataSync()[0];
      y.dispose();
      return v;
    },
    get count() {
      return count;
    },
    close() {
      if (state) state.dispose();
      tf.dispose([wx, wh, wy]);
      state = null;
    },
  };
}

function sampleFeed() {
  const lines = ['21.5', '21.7', '22.0', 'n/a', '22.4', '22.9'];
  return Readable.from(lines.map((l) => `${l}\n`));
}

async function main() {
  const input = process.stdin.isTTY || process.argv.includes('--demo') ? sampleFeed() : process.stdin;
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const scorer = createStreamingScorer();
  const mean = 20;
  for await (const line of rl) {
    const reading = Number.parseFloat(line);
    if (!Number.isFinite(reading)) {
      console.warn(`skipping malformed reading: ${JSON.stringify(line)}`);
      continue;
    }
    const delta = scorer.push((reading - mean) / 5);
    console.log(`${reading.toFixed(1)}C -> next ~ ${(reading + delta).toFixed(2)}C`);
  }
  console.error(`processed ${scorer.count} readings`);
  scorer.close();
}

main().catch((err) => {
  console.error('stream failed:', err.message);
  process.exitCode = 1;
});
