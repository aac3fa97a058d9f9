// expect: tidy-disposed-state
// Debugging helper: wraps any (x, h) -> h step function, runs it over a sequence and exposes every hidden state for a heatmap.
const tf = require('@tensorflow/tfjs');

class StateRecorder {
  constructor(stepFn, units) {
    this.stepFn = stepFn;
    this.units = units;
    this.frames = [];
  }

  run(sequence) {
    this.frames = [];
    return tf.tidy(() => {
      let h = tf.zeros([1, this.units]);
      for (const value of sequence) {
        const x = tf.tensor2d([Array.isArray(value) ? value : [value]]);
        h = this.stepFn(x, h);
        this.frames.push(h);
      }
      return h;
    });
  }

  toMatrix() {
    return this.frames.map((f) => f.arraySync()[0]);
  }

  summary() {
    const m = this.toMatrix();
    const perUnit = Array.from({ length: this.units }, (_, u) => {
      const col = m.map((row) => row[u]);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const maxAbs = Math.max(...col.map(Math.abs));
      return { unit: u, mean, maxAbs, saturated: col.filter((v) => Math.abs(v) > 0.95).length };
    });
    return { steps: m.length, perUnit };
  }
}

function makeSimpleRnn(inputDim, units) {
  const Wx = tf.randomNormal([inputDim, units], 0, 0.7, 'float32', 12);
  const Wh = tf.randomNormal([units, units], 0, 0.9 / Math.sqrt(units), 'float32', 13);
  const b = tf.zeros([units]);
  return (x, h) => tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(b));
}

function printHeatmap(matrix) {
  const ramp = ' .:-=+*#%@';
  const units = matrix[0] ? matrix[0].length : 0;
  for (let u = 0; u < units; u++) {
    const line = matrix
      .map((row) => ramp[Math.min(ramp.length - 1, Math.floor(((row[u] + 1) / 2) * ramp.length))])
      .join('');
    console.log(`u${String(u).padStart(2, '0')} |${line}|`);
  }
}

if (require.main === module) {
  const units = 8;
  const recorder = new StateRecorder(makeSimpleRnn(1, units), units);
  const seq = Array.from({ length: 48 }, (_, t) => Math.sin(t / 4) + (t % 12 === 0 ? 1 : 0));
  const last = recorder.run(seq);
  console.log('final state', Array.from(last.dataSync(), (v) => v.toFixed(3)).join(' '));
  printHeatmap(recorder.toMatrix());
  for (const s of recorder.summary().perUnit) {
    console.log(`unit ${s.unit}: mean=${s.mean.toFixed(3)} max|h|=${s.maxAbs.toFixed(3)} saturated=${s.saturated}`);
  }
  last.dispose();
}

module.exports = { StateRecorder, makeSimpleRnn, printHeatmap };
