// expect: unused-hidden-state
// Streams one machine's sensor readings from a JSONL file and yields a per-reading anomaly score from a small Elman RNN.
import * as tf from '@tensorflow/tfjs';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const FEATURES = 6;
const UNITS = 24;

function loadParams(seed = 7) {
  const init = tf.initializers.glorotUniform({ seed });
  return {
    Wx: tf.variable(init.apply([FEATURES, UNITS]), true, 'Wx'),
    Wh: tf.variable(tf.initializers.orthogonal({ seed }).apply([UNITS, UNITS]), true, 'Wh'),
    b: tf.variable(tf.zeros([UNITS]), true, 'b'),
    Wo: tf.variable(init.apply([UNITS, 1]), true, 'Wo'),
    bo: tf.variable(tf.zeros([1]), true, 'bo'),
  };
}

const params = loadParams();

function step(x, h) {
  return tf.tidy(() => {
    const xz = tf.matMul(x, params.Wx);
    const hz = tf.matMul(h, params.Wh);
    const pre = tf.add(xz, params.b);
    const hNext = tf.tanh(pre);
    const score = tf.sigmoid(tf.add(tf.matMul(hNext, params.Wo), params.bo));
    return [score, hNext];
  });
}

function normalise(reading) {
  const { temp, humidity, vibration, current, voltage, rpm } = reading;
  return [
    (temp - 40) / 15,
    (humidity - 50) / 20,
    vibration / 3,
    (current - 10) / 4,
    (voltage - 230) / 10,
    (rpm - 1500) / 600,
  ];
}

export async function* scoreReadings(path) {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let h = tf.zeros([1, UNITS]);
  let lineNo = 0;
  try {
    for await (const line of rl) {
      lineNo += 1;
      if (!line.trim()) continue;
      let reading;
      try {
        reading = JSON.parse(line);
      } catch (err) {
        console.warn(`skipping malformed line ${lineNo}: ${err.message}`);
        continue;
      }
      const x = tf.tensor2d([normalise(reading)]);
      const [score, hNext] = step(x, h);
      x.dispose();
      h.dispose();
      h = hNext;
      const [value] = await score.data();
      score.dispose();
      yield { ts: reading.ts, score: value };
    }
  } finally {
    h.dispose();
    rl.close();
  }
}

async function main() {
  const file = process.argv[2] ?? './readings.jsonl';
  const threshold = Number(process.env.ANOMALY_THRESHOLD ?? 0.85);
  let flagged = 0;
  for await (const { ts, score } of scoreReadings(file)) {
    if (score > threshold) {
      flagged += 1;
      console.log(`${ts} anomaly=${score.toFixed(3)}`);
    }
  }
  console.log(`done, ${flagged} readings flagged, ${tf.memory().numTensors} tensors live`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
