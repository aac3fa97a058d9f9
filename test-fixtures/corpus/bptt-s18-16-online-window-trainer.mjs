// expect: bptt-cut
// Online learner for a soil-moisture probe: every full sliding window from the sensor stream triggers one RNN training step.
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;
const WINDOW = 10;

export function createModel(seed = 5) {
  return {
    Wx: tf.variable(tf.randomNormal([2, UNITS], 0, 0.4, 'float32', seed)),
    Wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 1)),
    bh: tf.variable(tf.zeros([UNITS])),
    Wo: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.4, 'float32', seed + 2)),
    bo: tf.variable(tf.zeros([1])),
  };
}

function encode(model, rows) {
  let h = tf.zeros([1, UNITS]);
  for (const row of rows) {
    const x = tf.tensor2d([row]);
    h = tf.tanh(x.matMul(model.Wx).add(h.matMul(model.Wh)).add(model.bh));
  }
  return h;
}

function predictFrom(model, h) {
  return h.matMul(model.Wo).add(model.bo);
}

export function createSensorStream() {
  const listeners = [];
  const buffer = [];
  return {
    onWindow(fn) {
      listeners.push(fn);
    },
    push(moisture, temperature) {
      buffer.push([moisture, temperature]);
      if (buffer.length > WINDOW + 1) buffer.shift();
      if (buffer.length === WINDOW + 1) {
        const rows = buffer.slice(0, WINDOW);
        const target = buffer[WINDOW][0];
        listeners.forEach((fn) => fn(rows, target));
      }
    },
  };
}

export function attachOnlineTrainer(stream, model, { lr = 0.01, onLoss } = {}) {
  const optimizer = tf.train.sgd(lr);
  let queue = Promise.resolve();

  stream.onWindow((rows, target) => {
    queue = queue.then(async () => {
      const { value, grads } = tf.tidy(() => {
        const hLast = encode(model, rows);
        return tf.variableGrads(() =>
          tf.losses.meanSquaredError(tf.tensor2d([[target]]), predictFrom(model, hLast)),
        );
      });
      optimizer.applyGradients(grads);
      const loss = (await value.data())[0];
      value.dispose();
      Object.values(grads).forEach((g) => g.dispose());
      if (onLoss) onLoss(loss);
    });
  });

  return () => queue;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stream = createSensorStream();
  const model = createModel();
  const losses = [];
  const drain = attachOnlineTrainer(stream, model, { onLoss: (l) => losses.push(l) });
  for (let t = 0; t < 200; t++) {
    stream.push(0.5 + 0.3 * Math.sin(t / 8), 0.2 * Math.cos(t / 20));
  }
  await drain();
  console.log('first', losses[0].toFixed(4), 'last', losses[losses.length - 1].toFixed(4));
}
