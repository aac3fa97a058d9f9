// expect: unused-hidden-state
// Greenhouse panel: readings arrive over a WebSocket, an RNN tracks them and we flag readings that look off.
import * as tf from '@tensorflow/tfjs';

const UNITS = 10;
const SENSORS = ['temp', 'humidity', 'co2', 'light'];

const W = {
  in: tf.randomNormal([SENSORS.length, UNITS], 0, 0.5, 'float32', 81),
  rec: tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', 82),
  b: tf.zeros([UNITS]),
  out: tf.randomNormal([UNITS, SENSORS.length], 0, 0.4, 'float32', 83),
};

const SCALE = { temp: [22, 6], humidity: [60, 15], co2: [700, 250], light: [300, 200] };

function normalise(reading) {
  return SENSORS.map((k) => (Number(reading[k]) - SCALE[k][0]) / SCALE[k][1]);
}

export function step(x, h) {
  return tf.tidy(() => {
    const pre = tf.matMul(x, W.in).add(W.b);
    if (h) pre.add(tf.matMul(h, W.rec));
    return tf.tanh(pre);
  });
}

export function expected(h) {
  return tf.tidy(() => tf.matMul(h, W.out));
}

export function createMonitor(url, onAlert, threshold = 2.5) {
  let h = null;
  let guess = null;
  const ws = new WebSocket(url);

  ws.addEventListener('message', (ev) => {
    const reading = JSON.parse(ev.data);
    const values = normalise(reading);
    const x = tf.tensor2d([values]);

    if (guess) {
      const err = tf.tidy(() => tf.abs(x.sub(guess)).max().dataSync()[0]);
      if (err > threshold) onAlert({ at: reading.ts, error: err, reading });
      guess.dispose();
    }

    const next = step(x, h);
    x.dispose();
    if (h) h.dispose();
    h = next;
    guess = expected(h);
  });

  ws.addEventListener('close', () => {
    if (h) h.dispose();
    if (guess) guess.dispose();
    h = null;
    guess = null;
  });

  return () => ws.close();
}
