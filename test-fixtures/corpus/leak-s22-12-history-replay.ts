// expect: state-leak
// Replays each device's stored history through the recurrent anomaly scorer before switching the fleet to live mode.
import * as tf from '@tensorflow/tfjs';

class RunningStats {
  n = 0;
  mean = 0;
  private m2 = 0;

  push(v: number): void {
    this.n += 1;
    const d = v - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (v - this.mean);
  }

  get std(): number {
    return this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 0;
  }
}

export class RecurrentAnomalyScorer {
  private h: tf.Tensor2D;
  private stats = new RunningStats();
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly wy: tf.Tensor2D;

  constructor(private readonly units = 8) {
    this.h = tf.zeros([1, units]);
    this.wx = tf.randomNormal([1, units], 0, 0.5, 'float32', 71);
    this.wh = tf.randomNormal([units, units], 0, 0.4, 'float32', 72);
    this.b = tf.zeros([units]);
    this.wy = tf.randomNormal([units, 1], 0, 0.5, 'float32', 73);
  }

  private update(reading: number): number {
    const [hNext, pred] = tf.tidy((): [tf.Tensor2D, tf.Tensor] => {
      const x = tf.tensor2d([[reading]]);
      const hN = tf.tanh(x.matMul(this.wx).add(this.h.matMul(this.wh)).add(this.b)) as tf.Tensor2D;
      return [hN, hN.matMul(this.wy).reshape([])];
    });
    this.h.dispose();
    this.h = hNext;
    const p = pred.dataSync()[0];
    pred.dispose();
    return p;
  }

  scoreSeries(series: number[]): number[] {
    this.stats = new RunningStats();
    const scores: number[] = [];
    let predicted = series[0];
    for (const v of series) {
      const err = v - predicted;
      this.stats.push(err);
      const z = this.stats.n > 5 ? Math.abs(err - this.stats.mean) / (this.stats.std + 1e-6) : 0;
      scores.push(z);
      predicted = this.update(v);
    }
    return scores;
  }

  live(reading: number, lastPrediction: number): { score: number; next: number } {
    const err = reading - lastPrediction;
    this.stats.push(err);
    const score = Math.abs(err - this.stats.mean) / (this.stats.std + 1e-6);
    return { score, next: this.update(reading) };
  }
}

export function backfill(scorer: RecurrentAnomalyScorer, histories: Map<string, number[]>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [deviceId, series] of histories) {
    out.set(deviceId, scorer.scoreSeries(series));
  }
  return out;
}

if (require.main === module) {
  const histories = new Map<string, number[]>();
  histories.set('boiler-1', Array.from({ length: 40 }, (_, t) => Math.sin(t / 4)));
  histories.set('boiler-2', Array.from({ length: 40 }, (_, t) => 0.5 * Math.cos(t / 6) + (t === 30 ? 2 : 0)));
  histories.set('chiller-9', Array.from({ length: 40 }, (_, t) => (t % 10) / 10));
  const scorer = new RecurrentAnomalyScorer();
  const scores = backfill(scorer, histories);
  scores.forEach((s, id) => {
    const worst = s.indexOf(Math.max(...s));
    console.log(id, 'worst step', worst, 'z', s[worst].toFixed(2));
  });
}
