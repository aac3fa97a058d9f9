// expect: stacked-activation
// Sequence autoencoder for server latency traces: an LSTM encoder squeezes each trace into a code, reconstruction error flags outliers.
import * as tf from '@tensorflow/tfjs';

type State = [h: tf.Tensor2D, c: tf.Tensor2D];
type Cell = (x: tf.Tensor2D, state: State) => State;

interface CellParams {
  kernel: tf.Tensor2D;
  recurrentKernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

const lstmCell = ({ kernel, recurrentKernel, bias }: CellParams): Cell => (x, [h, c]) => {
  const z = x.matMul(kernel).add(h.matMul(recurrentKernel)).add(bias);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  const cNew = tf.tanh(tf.sigmoid(zf).mul(c).add(tf.sigmoid(zi).mul(tf.tanh(zg)))) as tf.Tensor2D;
  const hNew = tf.sigmoid(zo).mul(tf.tanh(cNew)) as tf.Tensor2D;
  return [hNew, cNew];
};

const randomCell = (inDim: number, units: number, seed: number): Cell =>
  lstmCell({
    kernel: tf.randomNormal([inDim, 4 * units], 0, 0.3, 'float32', seed),
    recurrentKernel: tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 1),
    bias: tf.zeros([4 * units]),
  });

export function buildAutoencoder(units = 8) {
  const encoder = randomCell(1, units, 100);
  const decoder = randomCell(1, units, 200);
  const proj = tf.randomNormal([units, 1], 0, 0.3, 'float32', 300) as tf.Tensor2D;

  const zeros = (): State => [tf.zeros([1, units]), tf.zeros([1, units])];

  const reconstructionError = (trace: readonly number[]): number =>
    tf.tidy(() => {
      const steps = trace.map((v) => tf.tensor2d([[v]]));
      const code = steps.reduce<State>((s, x) => encoder(x, s), zeros());
      let state = code;
      let prev = tf.zeros([1, 1]) as tf.Tensor2D;
      const recon: tf.Tensor2D[] = [];
      for (let t = 0; t < steps.length; t++) {
        state = decoder(prev, state);
        prev = state[0].matMul(proj) as tf.Tensor2D;
        recon.push(prev);
      }
      const target = tf.tensor2d([...trace].reverse(), [trace.length, 1]);
      return tf.losses.meanSquaredError(target, tf.concat(recon, 0)).dataSync()[0] ?? 0;
    });

  return { reconstructionError, units };
}

export function flagOutliers(traces: Record<string, number[]>, k = 2) {
  const ae = buildAutoencoder();
  const scored = Object.entries(traces).map(([host, trace]) => ({ host, err: ae.reconstructionError(trace) }));
  const mean = scored.reduce((a, s) => a + s.err, 0) / scored.length;
  const sd = Math.sqrt(scored.reduce((a, s) => a + (s.err - mean) ** 2, 0) / scored.length) || 1;
  return scored.map((s) => ({ ...s, z: (s.err - mean) / sd, outlier: (s.err - mean) / sd > k }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const norm = (ms: number[]) => ms.map((m) => m / 500);
  const traces = Object.fromEntries(
    ['api-1', 'api-2', 'api-3', 'api-4', 'api-5'].map((host, i) => [
      host,
      norm(Array.from({ length: 16 }, (_, t) => 120 + 10 * Math.sin(t + i) + (host === 'api-4' && t > 10 ? 300 : 0))),
    ]),
  );
  console.table(flagOutliers(traces, 1.5));
}
