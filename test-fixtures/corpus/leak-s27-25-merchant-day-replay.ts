// expect: state-leak
// Replays recorded settlement days for every merchant through the anomaly RNN and collects the minutes that would have alerted.
import * as tf from '@tensorflow/tfjs';

export interface RecordedDay {
  merchantId: string;
  date: string;
  minuteVolumes: number[];
}

export interface DayReport {
  merchantId: string;
  date: string;
  alerts: number[];
  peak: number;
}

const UNITS = 8;

export class DayReplayer {
  private readonly wx = tf.randomNormal([2, UNITS], 0, 0.6, 'float32', 191);
  private readonly wh = tf.randomNormal([UNITS, UNITS], 0, 0.35, 'float32', 192);
  private readonly wo = tf.randomNormal([UNITS, 1], 0, 0.8, 'float32', 193);
  private h: tf.Tensor2D;

  constructor(private readonly threshold = 0.9) {
    this.h = tf.zeros([1, UNITS]);
  }

  private advance(volume: number, prevVolume: number): number {
    const next = tf.tidy(() => {
      const x = tf.tensor2d([[Math.log1p(volume) / 8, (volume - prevVolume) / Math.max(1, prevVolume)]]);
      return tf.tanh(x.matMul(this.wx).add(this.h.matMul(this.wh))) as tf.Tensor2D;
    });
    this.h.dispose();
    this.h = next;
    const s = tf.tidy(() => tf.sigmoid(this.h.matMul(this.wo)));
    const v = s.dataSync()[0];
    s.dispose();
    return v;
  }

  replayDay(day: RecordedDay): DayReport {
    const alerts: number[] = [];
    let peak = 0;
    let m = 0;
    while (m < day.minuteVolumes.length) {
      const prev = m > 0 ? day.minuteVolumes[m - 1] : day.minuteVolumes[0];
      const score = this.advance(day.minuteVolumes[m], prev);
      peak = Math.max(peak, score);
      if (score >= this.threshold) alerts.push(m);
      m++;
    }
    return { merchantId: day.merchantId, date: day.date, alerts, peak };
  }
}

export function recordedDays(): RecordedDay[] {
  const merchants = ['mcht_grocer', 'mcht_airline', 'mcht_gaming'];
  const dates = ['2024-05-01', '2024-05-02'];
  const out: RecordedDay[] = [];
  merchants.forEach((merchantId, mi) => {
    dates.forEach((date, di) => {
      const base = 200 * (mi + 1);
      const minuteVolumes = Array.from({ length: 120 }, (_, k) => {
        const burst = merchantId === 'mcht_gaming' && di === 1 && k >= 90 && k < 95 ? 25 : 1;
        return Math.round(base * (1 + 0.3 * Math.sin(k / 10 + di)) * burst);
      });
      out.push({ merchantId, date, minuteVolumes });
    });
  });
  return out;
}

if (require.main === module) {
  const replayer = new DayReplayer();
  for (const day of recordedDays()) {
    const r = replayer.replayDay(day);
    console.log(`${r.merchantId} ${r.date}: peak=${r.peak.toFixed(3)} alerts=${r.alerts.length ? r.alerts.join(',') : '-'}`);
  }
}
