// expect: none
// Fits an RNN to a long CPU-load trace with truncated BPTT: the trace is cut into chunks and the hidden state is carried across them.
const tf = require('@tensorflow/tfjs');

const UNITS = 12;
const CHUNK = 16;

class LoadModel {
  #vars;

  constructor(seed = 4) {
    const v = (shape, s) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed + s));
    this.#vars = { wx: v([1, UNITS], 0), wh: v([UNITS, UNITS], 1), b: tf.variable(tf.zeros([UNITS])), wy: v([UNITS, 1], 2) };
  }

  get trainable() {
    return Object.values(this.#vars);
  }

  step(x, h) {
    const { wx, wh, b } = this.#vars;
    return tf.tanh(x.matMul(wx).add(h.matMul(wh)).add(b));
  }

  readout(h) {
    return h.matMul(this.#vars.wy);
  }
}

function fit(model, trace, { epochs = 5, lr = 0.01 } = {}) {
  const opt = tf.train.adam(lr);
  const log = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let carry = tf.zeros([1, UNITS]); // fresh state at the start of the trace
    let total = 0;
    for (let start = 0; start + CHUNK < trace.length; start += CHUNK) {
      const inputs = trace.slice(start, start + CHUNK);
      const targets = trace.slice(start + 1, start + CHUNK + 1);
      let nextCarry = null;

      const loss = opt.minimize(() => {
        let h = carry;
        const preds = inputs.map((v) => {
          h = model.step(tf.tensor2d([[v]]), h);
          return model.readout(h);
        });
        nextCarry = tf.keep(h);
        return tf.losses.meanSquaredError(tf.tensor2d(targets, [CHUNK, 1]), tf.concat(preds, 0));
      }, true, model.trainable);

      // Truncated BPTT: gradients stop at the chunk boundary by design.
      // The final state enters the next chunk as a plain value so the
      // model still sees context from earlier chunks in the forward pass.
      carry.dispose();
      carry = nextCarry;
      total += loss.dataSync()[0];
      loss.dispose();
    }
    carry.dispose();
    log.push(total);
  }
  opt.dispose();
  return log;
}

module.exports = { LoadModel, fit };

if (require.main === module) {
  const trace = Array.from({ length: 200 }, (_, t) => 0.5 + 0.4 * Math.sin(t / 6) * Math.cos(t / 31));
  const model = new LoadModel();
  const log = fit(model, trace, { epochs: 6 });
  log.forEach((l, i) => console.log(`epoch ${i}: chunk-loss sum ${l.toFixed(4)}`));
  console.log('tensors alive:', tf.memory().numTensors);
}
