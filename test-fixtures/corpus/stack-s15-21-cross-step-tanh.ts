// expect: stacked-activation
// CLI: reads an hourly load CSV through tf.data, warms up an RNN on the history and rolls out a multi-hour forecast.
import * as tf from '@tensorflow/tfjs';
import * as fs from 'fs';

const UNITS = 12;

class LoadRnn {
  readonly wx = tf.randomNormal([2, UNITS], 0, 0.5, 'float32', 401) as tf.Tensor2D;
  readonly wh = tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', 402) as tf.Tensor2D;
  readonly b = tf.zeros([UNITS]) as tf.Tensor1D;
  readonly wy = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 403) as tf.Tensor2D;

  private feedback(h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(h).matMul(this.wh) as tf.Tensor2D;
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.tanh(x.matMul(this.wx).add(this.feedback(h)).add(this.b)));
  }

  readout(h: tf.Tensor2D): number {
    return tf.tidy(() => h.matMul(this.wy).dataSync()[0]);
  }
}

function parseCsv(text: string): Array<{ hour: number; load: number }> {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const [hour, load] = l.split(',').map(Number);
      return { hour, load };
    });
}

function demoCsv(): string {
  const rows = ['hour,load'];
  for (let t = 0; t < 48; t++) rows.push(`${t % 24},${(50 + 20 * Math.sin((t / 24) * 2 * Math.PI)).toFixed(1)}`);
  return rows.join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const fileIdx = argv.indexOf('--file');
  const horizonIdx = argv.indexOf('--horizon');
  const horizon = horizonIdx >= 0 ? Number(argv[horizonIdx + 1]) : 6;
  const rows = parseCsv(fileIdx >= 0 ? fs.readFileSync(argv[fileIdx + 1], 'utf8') : demoCsv());
  const scale = Math.max(...rows.map((r) => r.load));

  const ds = tf.data
    .generator(function* () {
      for (const r of rows) yield tf.tensor2d([[r.load / scale, r.hour / 23]]);
    })
    .prefetch(4);

  const rnn = new LoadRnn();
  let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
  await ds.forEachAsync((x) => {
    const next = rnn.step(x as tf.Tensor2D, h);
    tf.dispose([x, h]);
    h = next;
  });

  let hour = rows.length ? rows[rows.length - 1].hour : 0;
  let last = rnn.readout(h);
  const forecast: string[] = [];
  for (let k = 0; k < horizon; k++) {
    hour = (hour + 1) % 24;
    const x = tf.tensor2d([[last, hour / 23]]);
    const next = rnn.step(x, h);
    tf.dispose([x, h]);
    h = next;
    last = rnn.readout(h);
    forecast.push(`${String(hour).padStart(2, '0')}:00 ${(last * scale).toFixed(1)}`);
  }
  h.dispose();
  console.log(forecast.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
