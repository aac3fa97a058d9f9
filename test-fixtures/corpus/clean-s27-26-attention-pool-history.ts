// expect: none
// Summarises a trading day's 5-minute bars with an RNN and attention pooling over all intermediate states for the EOD report.
import * as tf from '@tensorflow/tfjs';

export interface Bar5m {
  ret: number;
  volume: number;
}

const H = 10;

export class AttentiveDaySummary {
  private readonly wx = tf.randomNormal([2, H], 0, 0.5, 'float32', 201);
  private readonly wh = tf.randomNormal([H, H], 0, 0.3, 'float32', 202);
  private readonly query = tf.randomNormal([H, 1], 0, 0.5, 'float32', 203);

  private collect(bars: Bar5m[]): tf.Tensor2D[] {
    const history: tf.Tensor2D[] = [];
    let h: tf.Tensor2D = tf.zeros([1, H]);
    for (const bar of bars) {
      const prev = h;
      h = tf.tidy(() => {
        const x = tf.tensor2d([[bar.ret * 100, Math.log1p(bar.volume) / 12]]);
        const next = tf.tanh(x.matMul(this.wx).add(prev.matMul(this.wh))) as tf.Tensor2D;
        history.push(tf.keep(next.clone()));
        return next;
      });
      prev.dispose();
    }
    h.dispose();
    return history;
  }

  summarise(bars: Bar5m[]): { vector: number[]; weights: number[] } {
    const history = this.collect(bars);
    const [vec, w] = tf.tidy(() => {
      const states = tf.concat(history, 0);
      const scores = states.matMul(this.query).reshape([1, -1]);
      const weights = tf.softmax(scores);
      const pooled = weights.matMul(states);
      return [pooled, weights];
    });
    tf.dispose(history);
    const out = { vector: Array.from(vec.dataSync()), weights: Array.from(w.dataSync()) };
    tf.dispose([vec, w]);
    return out;
  }
}

function tradingDay(seed: number): Bar5m[] {
  return Array.from({ length: 78 }, (_, i) => ({
    ret: 0.001 * Math.sin(i / 6 + seed) + (i === 40 + seed ? 0.01 : 0),
    volume: 20_000 + 15_000 * Math.cos(i / 12) ** 2,
  }));
}

if (require.main === module) {
  const model = new AttentiveDaySummary();
  for (const seed of [0, 3]) {
    const { vector, weights } = model.summarise(tradingDay(seed));
    const top = weights
      .map((w, i) => ({ w, i }))
      .sort((a, b) => b.w - a.w)
      .slice(0, 3)
      .map((t) => `bar${t.i}:${t.w.toFixed(3)}`);
    console.log(`day ${seed}: |v|=${Math.hypot(...vector).toFixed(3)} top attention ${top.join(' ')}`);
  }
  console.log('tensors alive', tf.memory().numTensors);
}
