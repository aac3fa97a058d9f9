// expect: unused-hidden-state
// Minimal registered RNN cell for keystroke-timing authentication, with model save/load through localStorage.
import * as tf from '@tensorflow/tfjs';

export class KeystrokeCell extends tf.layers.Layer {
  static get className() {
    return 'KeystrokeCell';
  }

  constructor(config) {
    super(config);
    this.units = config.units;
    this.stateSize = config.units;
  }

  build(inputShape) {
    const shape = Array.isArray(inputShape[0]) ? inputShape[0] : inputShape;
    const inDim = shape[shape.length - 1];
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight(
      'recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({ gain: 1 }));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = inputs[0];
      let h = inputs[1];
      h = tf.add(tf.matMul(x, this.kernel.read()), this.bias.read());
      const hNew = tf.tanh(tf.add(h, tf.matMul(h, this.recurrentKernel.read())));
      return [hNew, hNew];
    });
  }

  getConfig() {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(KeystrokeCell);

const STORAGE_URL = 'localstorage://keystroke-auth';

export function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.rnn({ cell: new KeystrokeCell({ units: 24 }), inputShape: [null, 3] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(3e-3), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

// each sample: [holdTimeMs, flightTimeMs, keyCodeBucket]
function toTensor(samples) {
  return tf.tidy(() => tf.tensor3d(samples).div(tf.tensor1d([300, 600, 16])));
}

export async function enroll(genuine, impostor) {
  const model = buildModel();
  const xs = toTensor([...genuine, ...impostor]);
  const ys = tf.tensor2d([...genuine.map(() => [1]), ...impostor.map(() => [0])]);
  await model.fit(xs, ys, { epochs: 40, batchSize: 8, shuffle: true });
  await model.save(STORAGE_URL);
  tf.dispose([xs, ys]);
  return model;
}

export async function verify(sample, threshold = 0.7) {
  const model = await tf.loadLayersModel(STORAGE_URL);
  const p = tf.tidy(() => model.predict(toTensor([sample])));
  const score = (await p.data())[0];
  p.dispose();
  model.dispose();
  return { accepted: score >= threshold, score };
}
