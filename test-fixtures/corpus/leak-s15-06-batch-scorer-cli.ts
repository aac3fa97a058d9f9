// expect: state-leak
// Batch churn scorer: reads one JSON user record per line and writes a churn probability per user as CSV.
import * as tf from '@tensorflow/tfjs';
import * as fs from 'fs';
import * as readline from 'readline';
import { Readable } from 'stream';

interface UserRecord {
  userId: string;
  events: number[][];
}

interface CliOptions {
  input?: string;
  threshold: number;
  verbose: boolean;
}

const FEATURES = 4;
const UNITS = 8;

const wx = tf.randomNormal([FEATURES, UNITS], 0, 0.5, 'float32', 31) as tf.Tensor2D;
const wh = tf.randomNormal([UNITS, UNITS], 0, 0.8, 'float32', 32) as tf.Tensor2D;
const bh = tf.zeros([UNITS]) as tf.Tensor1D;
const wOut = tf.randomNormal([UNITS, 1], 0, 0.7, 'float32', 33) as tf.Tensor2D;

function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { threshold: 0.5, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '-i':
      case '--input':
        opts.input = argv[++i];
        break;
      case '-t':
      case '--threshold':
        opts.threshold = parseFloat(argv[++i]);
        break;
      case '-v':
        opts.verbose = true;
        break;
      default:
        throw new Error(`unrecognised argument: ${argv[i]}`);
    }
  }
  return opts;
}

function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.tanh(x.matMul(wx).add(h.matMul(wh)).add(bh)));
}

function sampleInput(): Readable {
  const users: UserRecord[] = [
    { userId: 'u-100', events: [[1, 0, 0.2, 3], [0, 1, 0.1, 2]] },
    { userId: 'u-101', events: [[1, 1, 0.9, 7], [1, 0, 0.8, 6]] },
    { userId: 'u-100', events: [[1, 0, 0.2, 3], [0, 1, 0.1, 2]] },
  ];
  return Readable.from(users.map((u) => JSON.stringify(u) + '\n'));
}

export async function scoreFile(opts: CliOptions, write: (line: string) => void): Promise<number> {
  const input = opts.input ? fs.createReadStream(opts.input, 'utf8') : sampleInput();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let flagged = 0;
  let h = tf.zeros([1, UNITS]) as tf.Tensor2D;

  write('user_id,events,churn_prob,flag');
  for await (const raw of rl) {
    if (!raw.trim()) continue;
    const rec = JSON.parse(raw) as UserRecord;
    for (const ev of rec.events) {
      const x = tf.tensor2d([ev.map(Number)]);
      const next = rnnStep(x, h);
      tf.dispose([x, h]);
      h = next;
    }
    const prob = tf.tidy(() => tf.sigmoid(h.matMul(wOut)).dataSync()[0]);
    const flag = prob >= opts.threshold;
    if (flag) flagged++;
    write(`${rec.userId},${rec.events.length},${prob.toFixed(4)},${flag ? 1 : 0}`);
    if (opts.verbose) console.error(`scored ${rec.userId}`);
  }
  h.dispose();
  return flagged;
}

if (require.main === module) {
  const opts = parseArgs(process.argv.slice(2));
  scoreFile(opts, (line) => process.stdout.write(line + '\n'))
    .then((n) => console.error(`${n} users above threshold ${opts.threshold}`))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
