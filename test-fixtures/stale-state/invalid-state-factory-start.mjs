// The loop reads the state a state-named factory of the file restored, on every step; the new state only goes to `latest`.
import * as tf from '@tensorflow/tfjs';

function restoreState() {
  const raw = localStorage.getItem('rnn-state');
  return raw ? tf.tensor2d(JSON.parse(raw)) : tf.zeros([1, 8]);
}

export function run(step, frames) {
  const restored = restoreState();
  let latest = restored;
  for (let t = 0; t < frames.length; t++) {
    const x = tf.tensor2d([frames[t]]);
    const hNext = step(x, restored);
//                        ~~~~~~~~ stale-state
    latest = hNext;
  }
  return latest;
}
