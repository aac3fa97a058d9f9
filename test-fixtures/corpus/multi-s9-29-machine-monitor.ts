// expect: state-leak, stacked-activation
// machine health monitor: a stateful LSTM walks each machine's vibration log window by window and flags risky windows
import * as tf from '@tensorflow/tfjs';

const WIN = 5;
const FEAT = 2;
const UNITS = 12;
const RISK_THRESHOLD = 0.6;

function buildModel(stateful: boolean): tf.Sequential {
  const m = tf.sequential();
  if (stateful) m.add(tf.layers.lstm({ units: UNITS, stateful: true, batchInputShape: [1, WIN, FEAT] }));
  else m.add(tf.layers.lstm({ units: UNITS, inputShape: [WIN, FEAT] }));
  m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return m;
}

function vibrationLog(n: number, faulty: boolean): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const spike = faulty && i > n / 2 ? 1.5 * Math.random() : 0;
    rows.push([Math.sin(i * 0.8) * 0.3 + spike, 0.5 + (Math.random() - 0.5) * 0.1 + spike * 0.5]);
  }
  return rows;
}

const machines: Record<string, number[][]> = {
  press_01: vibrationLog(40, false),
  press_02: vibrationLog(40, true),
  lathe_A: vibrationLog(30, false),
  lathe_B: vibrationLog(35, true),
};

const trainer = buildModel(false);
trainer.compile({ optimizer: tf.train.adam(0.02), loss: 'binaryCrossentropy' });
export const monitor = buildModel(true);

async function fitOnSynthetic() {
  const xs: number[][][] = [];
  const ys: number[] = [];
  for (let i = 0; i < 120; i++) {
    const bad = i % 2 === 1;
    const log = vibrationLog(WIN * 2, bad);
    xs.push(log.slice(WIN));
    ys.push(bad ? 1 : 0);
  }
  const X = tf.tensor3d(xs);
  const Y = tf.tensor2d(ys, [ys.length, 1]);
  await trainer.fit(X, Y, { epochs: 15, batchSize: 20, verbose: 0 });
  tf.dispose([X, Y]);
  monitor.setWeights(trainer.getWeights());
}

function riskScore(out: tf.Tensor): tf.Tensor {
  return tf.sigmoid(out);
}

export async function monitorAll(): Promise<Record<string, string>> {
  const report: Record<string, string> = {};
  for (const [name, log] of Object.entries(machines)) {
    const flags: string[] = [];
    for (let start = 0; start + WIN <= log.length; start += WIN) {
      const x = tf.tensor3d([log.slice(start, start + WIN)]);
      const y = monitor.predict(x) as tf.Tensor;
      const risk = riskScore(y);
      const r = (await risk.data())[0];
      flags.push(r > RISK_THRESHOLD ? '!' : '.');
      tf.dispose([x, y, risk]);
    }
    report[name] = flags.join('');
    console.log(`${name.padEnd(9)} ${report[name]}`);
    await tf.nextFrame();
  }
  return report;
}

if (require.main === module) {
  (async () => {
    await fitOnSynthetic();
    await monitorAll();
    console.log('tensors', tf.memory().numTensors);
  })();
}
