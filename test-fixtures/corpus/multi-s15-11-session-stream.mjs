// expect: state-leak, stacked-activation
// Clickstream pipeline: groups sorted "session,dwell,scroll,clicks" lines and scores each session's purchase intent.
import * as tf from '@tensorflow/tfjs';
import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import { Readable } from 'node:stream';

const UNITS = 8;
const Wx = tf.randomNormal([3, UNITS], 0, 0.6, 'float32', 61);
const Wh = tf.randomNormal([UNITS, UNITS], 0, 0.6, 'float32', 62);
const b = tf.zeros([UNITS]);
const Wout = tf.randomNormal([UNITS, 1], 0, 0.9, 'float32', 63);

const squash = (t) => tf.tanh(t);

function step(h, features) {
  return tf.tidy(() => {
    const x = tf.tensor2d([features]);
    return squash(x.matMul(Wx).add(h.matMul(Wh)).add(b));
  });
}

function purchaseProbability(h) {
  return tf.tidy(() => tf.sigmoid(squash(h).matMul(Wout)).dataSync()[0]);
}

async function* parseLines(input) {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line || line.startsWith('#')) continue;
    const [session, dwell, scroll, clicks] = line.split(',');
    yield { session, features: [Math.log1p(+dwell) / 5, +scroll, Math.min(+clicks, 10) / 10] };
  }
}

async function* scoreSessions(events) {
  let h = tf.zeros([1, UNITS]);
  let current = null;
  let length = 0;
  for await (const ev of events) {
    if (current !== null && ev.session !== current) {
      yield { session: current, events: length, p: purchaseProbability(h) };
      length = 0;
    }
    current = ev.session;
    const next = step(h, ev.features);
    h.dispose();
    h = next;
    length++;
  }
  if (current !== null) yield { session: current, events: length, p: purchaseProbability(h) };
  h.dispose();
}

function demoInput() {
  const rows = ['# session,dwell_ms,scroll,clicks',
    's1,1200,0.4,2', 's1,800,0.9,5', 's1,4000,1.0,9',
    's2,300,0.1,0', 's2,250,0.0,0',
    's3,300,0.1,0', 's3,250,0.0,0'];
  return Readable.from(rows.map((r) => r + '\n'));
}

async function main() {
  const file = process.argv[2];
  const input = file ? createReadStream(file, 'utf8') : demoInput();
  let total = 0;
  for await (const s of scoreSessions(parseLines(input))) {
    total++;
    console.log(`${s.session.padEnd(6)} events=${s.events} p_purchase=${s.p.toFixed(4)}`);
  }
  console.error(`${total} sessions scored`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
