// expect: none
// Tracer utility: wraps an LSTM step so a debugger panel can inspect h and c (kept separately) at every tick.
import * as tf from '@tensorflow/tfjs';

export function lstmParams(inputDim, units, seed = 3) {
  const glorot = tf.initializers.glorotNormal({ seed });
  return {
    units,
    kernel: glorot.apply([inputDim, 4 * units]),
    recurrent: tf.initializers.orthogonal({ seed: seed + 1 }).apply([units, 4 * units]),
    bias: tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]),
  };
}

export function lstmStep(p, x, [hPrev, cPrev]) {
  const z = x.matMul(p.kernel).add(hPrev.matMul(p.recurrent)).add(p.bias);
  const [zi, zf, zg, zo] = tf.split(z, 4, -1);
  const c = tf.sigmoid(zf).mul(cPrev).add(tf.sigmoid(zi).mul(tf.tanh(zg)));
  const h = tf.sigmoid(zo).mul(tf.tanh(c));
  return [h, [h, c]];
}

export class Tracer {
  constructor(step, params) {
    this.step = step;
    this.params = params;
    this.ticks = [];
    this.breakpoints = new Set();
  }

  wrap() {
    return (x, state) => {
      const [out, next] = this.step(this.params, x, state);
      const [h, c] = next;
      const record = {
        tick: this.ticks.length,
        h: Array.from(h.dataSync()),
        c: Array.from(c.dataSync()),
        cGrowth: c.abs().sum().dataSync()[0] - state[1].abs().sum().dataSync()[0],
      };
      this.ticks.push(record);
      if (this.breakpoints.has(record.tick)) {
        console.log(`[tracer] break at tick ${record.tick}`, record);
      }
      return [out, next];
    };
  }

  run(sequences) {
    const { units } = this.params;
    const step = this.wrap();
    return sequences.map((seq) =>
      tf.tidy(() => {
        let state = [tf.zeros([1, units]), tf.zeros([1, units])];
        const outs = [];
        for (const frame of seq) {
          const [out, next] = step(tf.tensor2d([frame]), state);
          outs.push(out);
          state = next;
        }
        return tf.concat(outs, 0).arraySync();
      }),
    );
  }
}

export function formatTicks(ticks, digits = 2) {
  return ticks
    .map((r) => `#${r.tick} h=[${r.h.map((v) => v.toFixed(digits))}] c=[${r.c.map((v) => v.toFixed(digits))}] dc=${r.cGrowth.toFixed(3)}`)
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tracer = new Tracer(lstmStep, lstmParams(2, 3));
  tracer.breakpoints.add(5);
  const seqA = Array.from({ length: 8 }, (_, t) => [Math.sin(t), 1]);
  const seqB = Array.from({ length: 6 }, (_, t) => [t / 6, 0]);
  const outputs = tracer.run([seqA, seqB]);
  console.log(formatTicks(tracer.ticks));
  console.log('output lengths', outputs.map((o) => o.length));
}
