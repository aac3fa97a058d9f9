// expect: unused-hidden-state
// Activity recognition from accelerometer windows: an Elman RNN trained batch by batch from a generator dataset.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 20;
const AXES = 3;
const HIDDEN = 24;
const CLASSES = 3; // idle, walking, running

export class SensorRNN {
  readonly wIn = tf.variable(tf.randomNormal([AXES, HIDDEN], 0, 0.3), true, 'sensor_wIn');
  readonly wRec = tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.1), true, 'sensor_wRec');
  readonly bias = tf.variable(tf.zeros([HIDDEN]), true, 'sensor_bias');
  readonly wHead = tf.variable(tf.randomNormal([HIDDEN, CLASSES], 0, 0.3), true, 'sensor_wHead');
  readonly bHead = tf.variable(tf.zeros([CLASSES]), true, 'sensor_bHead');

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const xp = tf.matMul(x, this.wIn);
    const pre = tf.add(tf.add(xp, tf.matMul(xp, this.wRec)), this.bias);
    return tf.tanh(pre) as tf.Tensor2D;
  }

  logits(window: tf.Tensor3D): tf.Tensor2D {
    const [batch, steps] = window.shape;
    let h = tf.zeros([batch, HIDDEN]) as tf.Tensor2D;
    for (let t = 0; t < steps; t++) {
      const xt = window.slice([0, t, 0], [batch, 1, AXES]).reshape([batch, AXES]) as tf.Tensor2D;
      h = this.step(xt, h);
    }
    return tf.add(tf.matMul(h, this.wHead), this.bHead);
  }
}

function* windowGenerator(count: number) {
  for (let i = 0; i < count; i++) {
    const label = i % CLASSES;
    const amp = [0.05, 0.6, 1.4][label];
    const freq = [0.1, 0.5, 1.1][label];
    const xs: number[][] = [];
    for (let t = 0; t < WINDOW; t++) {
      const s = amp * Math.sin(freq * t + Math.random());
      xs.push([s, s * 0.5 + 0.1 * Math.random(), 0.98 + 0.05 * Math.random()]);
    }
    const ys = new Array<number>(CLASSES).fill(0);
    ys[label] = 1;
    yield { xs, ys };
  }
}

export async function trainActivityModel(epochs = 5): Promise<SensorRNN> {
  const model = new SensorRNN();
  const optimizer = tf.train.rmsprop(0.005);
  const dataset = tf.data.generator(() => windowGenerator(240)).shuffle(64).batch(24);

  const history: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const losses: number[] = [];
    await dataset.forEachAsync((batch) => {
      const { xs, ys } = batch as { xs: tf.Tensor3D; ys: tf.Tensor2D };
      const cost = optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(ys, model.logits(xs)) as tf.Scalar,
        true,
      );
      losses.push(cost!.dataSync()[0]);
      cost!.dispose();
      tf.dispose([xs, ys]);
    });
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    history.push(mean);
    console.log(`epoch ${epoch}: loss ${mean.toFixed(4)} (${losses.length} batches)`);
  }
  return model;
}

export async function accuracy(model: SensorRNN): Promise<number> {
  const evalDs = tf.data.generator(() => windowGenerator(60)).batch(60);
  let acc = 0;
  await evalDs.forEachAsync((batch) => {
    const { xs, ys } = batch as { xs: tf.Tensor3D; ys: tf.Tensor2D };
    acc = tf.tidy(() =>
      tf.metrics.categoricalAccuracy(ys, model.logits(xs)).mean().dataSync()[0],
    );
  });
  return acc;
}

if (require.main === module) {
  trainActivityModel()
    .then(accuracy)
    .then((a) => console.log(`held-out accuracy: ${(a * 100).toFixed(1)}%`));
}
