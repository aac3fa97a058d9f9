// expect: stale-state
// Train an LSTM on a sawtooth signal with model.fit, then generate the continuation one step at a time
const tf = require('@tensorflow/tfjs');

const UNITS = 24;
const WINDOW = 16;

function saw(i) {
  return (i % 10) / 10;
}

// shared layers so the training model and the step model use the same weights
const lstmLayer = tf.layers.lstm({ units: UNITS, returnSequences: true, returnState: true });
const outLayer = tf.layers.dense({ units: 1 });

// training model: [batch, WINDOW, 1] -> [batch, WINDOW, 1]
const seqIn = tf.input({ shape: [WINDOW, 1] });
const [seqOut] = lstmLayer.apply(seqIn);
const trainModel = tf.model({ inputs: seqIn, outputs: outLayer.apply(seqOut) });
trainModel.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

// step model: one timestep + state in, prediction + state out
const stepIn = tf.input({ shape: [1, 1] });
const hIn = tf.input({ shape: [UNITS] });
const cIn = tf.input({ shape: [UNITS] });
const [stepSeq, hOut, cOut] = lstmLayer.apply(stepIn, { initialState: [hIn, cIn] });
const stepModel = tf.model({ inputs: [stepIn, hIn, cIn], outputs: [outLayer.apply(stepSeq), hOut, cOut] });

function buildData(n) {
  const xs = [];
  const ys = [];
  for (let k = 0; k < n; k++) {
    const off = Math.floor(Math.random() * 100);
    const w = [];
    for (let i = 0; i <= WINDOW; i++) w.push(saw(off + i));
    xs.push(w.slice(0, WINDOW).map((v) => [v]));
    ys.push(w.slice(1).map((v) => [v]));
  }
  return [tf.tensor3d(xs), tf.tensor3d(ys)];
}

async function main() {
  const [xs, ys] = buildData(400);
  await trainModel.fit(xs, ys, {
    epochs: 30,
    batchSize: 40,
    verbose: 0,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        if (epoch % 10 === 9) console.log(`epoch ${epoch + 1} loss ${logs.loss.toFixed(5)}`);
      },
    },
  });

  // prime with the first 9 points, then generate
  let hState = tf.zeros([1, UNITS]);
  let cState = tf.zeros([1, UNITS]);
  let value = 0;
  const generated = [];
  for (let t = 0; t < 30; t++) {
    const xt = tf.tensor3d([[[t < 9 ? saw(t) : value]]]);
    const [yPred, h, c] = stepModel.predict([xt, hState, cState]);
    value = yPred.dataSync()[0];
    if (t >= 9) generated.push(value);
    // console.log('h', h.dataSync().slice(0, 3));
  }
  console.log('expected ', Array.from({ length: 21 }, (_, i) => saw(i + 10).toFixed(1)).join(' '));
  console.log('generated', generated.map((v) => v.toFixed(1)).join(' '));
}

main();
