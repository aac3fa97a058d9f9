// expect: returns-input-state, state-leak
// Limp detector for gait recordings: custom LSTM-style cell, trained on windows, then run window by window per recording.
const tf = require('@tensorflow/tfjs');

const WINDOW = 8;
const CHANNELS = 2;

class GaitCell extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.units = config.units;
    this.stateSize = [config.units, config.units];
  }

  build(inputShape) {
    const shape = Array.isArray(inputShape[0]) ? inputShape[0] : inputShape;
    const dim = shape[shape.length - 1];
    this.kernel = this.addWeight('kernel', [dim, 4 * this.units], 'float32', tf.initializers.glorotUniform({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, 4 * this.units], 'float32',
      tf.initializers.orthogonal({}));
    this.bias = this.addWeight('bias', [4 * this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, state, carry] = inputs;
      const z = tf.add(
        tf.add(tf.matMul(x, this.kernel.read()), tf.matMul(state, this.recurrentKernel.read())),
        this.bias.read()
      );
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      const nextCarry = tf.add(tf.mul(tf.sigmoid(zf), carry), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
      const output = tf.mul(tf.sigmoid(zo), tf.tanh(nextCarry));
      return [output, state, nextCarry];
    });
  }

  getConfig() {
    return Object.assign({}, super.getConfig(), { units: this.units });
  }
}
GaitCell.className = 'GaitCell';
tf.serialization.registerClass(GaitCell);

const UNITS = 12;
const rnn = tf.layers.rnn({ cell: new GaitCell({ units: UNITS }), returnState: true });
const head = tf.layers.dense({ units: 1, activation: 'sigmoid' });

function buildModels() {
  const win = tf.input({ shape: [WINDOW, CHANNELS] });
  const h0 = tf.input({ shape: [UNITS] });
  const c0 = tf.input({ shape: [UNITS] });
  const [out, h1, c1] = rnn.apply(win, { initialState: [h0, c0] });
  const prob = head.apply(out);
  const model = tf.model({ inputs: [win, h0, c0], outputs: [prob, h1, c1] });
  const trainer = tf.model({ inputs: [win, h0, c0], outputs: prob });
  trainer.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
  return { model, trainer };
}

// each recording: consecutive windows of one walk; label = limping or not
function recording(limp, windows) {
  const wins = [];
  let phase = Math.random() * Math.PI;
  for (let w = 0; w < windows; w++) {
    const win = [];
    for (let t = 0; t < WINDOW; t++) {
      phase += 0.4;
      win.push([Math.sin(phase), Math.sin(phase + Math.PI) * (limp ? 0.5 : 1)]);
    }
    wins.push(win);
  }
  return { limp, wins };
}

class GaitMonitor {
  constructor(model) {
    this.model = model;
    this.h = tf.zeros([1, UNITS]);
    this.c = tf.zeros([1, UNITS]);
    this.recordingId = null;
    this.windowsSeen = 0;
  }

  beginRecording(id) {
    this.recordingId = id;
    this.windowsSeen = 0;
  }

  push(win) {
    const x = tf.tensor3d([win]);
    const [p, h, c] = this.model.predict([x, this.h, this.c]);
    this.h = h;
    this.c = c;
    this.windowsSeen += 1;
    const prob = p.dataSync()[0];
    tf.dispose([x, p]);
    return prob;
  }
}

async function main() {
  const { model, trainer } = buildModels();
  const train = Array.from({ length: 40 }, (_, i) => recording(i % 2 === 1, 3));
  const xs = tf.tensor3d(train.flatMap((r) => r.wins));
  const ys = tf.tensor2d(train.flatMap((r) => r.wins.map(() => [r.limp ? 1 : 0])));
  const zeros = tf.zeros([xs.shape[0], UNITS]);
  const hist = await trainer.fit([xs, zeros, zeros], ys, { epochs: 20, batchSize: 16, verbose: 0 });
  console.log('train loss', hist.history.loss[hist.history.loss.length - 1].toFixed(4));
  tf.dispose([xs, ys, zeros]);

  const monitor = new GaitMonitor(model);
  const sessions = [recording(false, 4), recording(true, 4), recording(false, 4)];
  sessions.forEach((rec, i) => {
    monitor.beginRecording('rec-' + i);
    const probs = rec.wins.map((w) => monitor.push(w));
    console.log(monitor.recordingId, rec.limp ? 'limp  ' : 'normal', probs.map((v) => v.toFixed(2)).join(' '));
  });
}

main();
