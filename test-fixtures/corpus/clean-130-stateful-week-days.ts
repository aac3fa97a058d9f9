// expect: none
// A stateful model walks each week day by day (the days of a week are one continuous series);
// the state is reset at the start of every week.
import * as tf from '@tensorflow/tfjs';

export function buildDaily(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 12, stateful: true, batchInputShape: [1, 24, 3] }));
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}

export function weeklyForecasts(model: tf.Sequential, weeks: tf.Tensor3D[][]): number[][] {
  const all: number[][] = [];
  for (const week of weeks) {
    model.resetStates();
    const perDay: number[] = [];
    for (const day of week) {
      perDay.push((model.predict(day) as tf.Tensor).dataSync()[0]);
    }
    all.push(perDay);
  }
  return all;
}
