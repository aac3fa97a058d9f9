// expect: stacked-activation, state-leak
// Churn model: LSTM trained with model.fit on monthly usage, then a stateful twin scores customers month by month.
import * as tf from '@tensorflow/tfjs';

const MONTHS = 12;
const FEATURES = 3; // logins, support tickets, spend
const UNITS = 16;

interface Customer {
  id: string;
  months: number[][];
  churned: number;
}

function simulateCustomer(id: string): Customer {
  const churned = Math.random() < 0.4 ? 1 : 0;
  const months: number[][] = [];
  for (let m = 0; m < MONTHS; m++) {
    const decay = churned ? Math.max(0, 1 - m / MONTHS) : 1;
    months.push([decay * (0.5 + 0.5 * Math.random()), churned && m > 6 ? Math.random() : 0.1 * Math.random(), decay * 0.8]);
  }
  return { id, months, churned };
}

function lstmStack(batchInputShape: (number | null)[], stateful: boolean): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: UNITS, batchInputShape, stateful, returnSequences: false }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

export async function trainChurn(customers: Customer[]): Promise<tf.Sequential> {
  const model = lstmStack([null, MONTHS, FEATURES], false);
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const xs = tf.tensor3d(customers.map((c) => c.months));
  const ys = tf.tensor2d(customers.map((c) => [c.churned]));
  await model.fit(xs, ys, {
    epochs: 8,
    batchSize: 32,
    validationSplit: 0.2,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochEnd: (epoch, logs) => {
        console.log(`epoch ${epoch + 1}: loss ${logs?.loss.toFixed(4)} val_acc ${logs?.val_acc.toFixed(3)}`);
      },
    },
  });
  tf.dispose([xs, ys]);
  return model;
}

function churnProbability(model: tf.Sequential, month: number[]): number {
  return tf.tidy(() => {
    const out = model.predict(tf.tensor3d([[month]])) as tf.Tensor2D;
    return tf.sigmoid(out).dataSync()[0];
  });
}

export function monthlyRiskReport(trained: tf.Sequential, customers: Customer[]): Map<string, number[]> {
  const streaming = lstmStack([1, 1, FEATURES], true);
  streaming.setWeights(trained.getWeights());
  const report = new Map<string, number[]>();
  for (const customer of customers) {
    const risk: number[] = [];
    for (const month of customer.months) {
      risk.push(churnProbability(streaming, month));
    }
    report.set(customer.id, risk);
  }
  return report;
}

async function main(): Promise<void> {
  const population = Array.from({ length: 300 }, (_, i) => simulateCustomer(`c${i}`));
  const model = await trainChurn(population);
  const cohort = Array.from({ length: 6 }, (_, i) => simulateCustomer(`new-${i}`));
  const report = monthlyRiskReport(model, cohort);
  for (const c of cohort) {
    const risk = report.get(c.id)!;
    const final = risk[risk.length - 1];
    console.log(`${c.id} churned=${c.churned} final risk ${final.toFixed(3)} ${final > 0.5 ? 'ALERT' : ''}`);
  }
}

if (require.main === module) {
  main();
}
