// expect: bptt-cut
// Trains a tiny RNN to predict the next value of a noisy sine wave and records hidden trajectories for plotting.
import * as tf from '@tensorflow/tfjs';

const CFG = { units: 16, window: 12, batch: 32, epochs: 60, lr: 0.02 } as const;

type Params = Record<'wx' | 'wh' | 'b' | 'wy' | 'by', tf.Variable>;

const params: Params = {
  wx: tf.variable(tf.randomNormal([1, CFG.units], 0, 0.3), true, 'wx'),
  wh: tf.variable(tf.randomNormal([CFG.units, CFG.units], 0, 0.3), true, 'wh'),
  b: tf.variable(tf.zeros([CFG.units]), true, 'b'),
  wy: tf.variable(tf.randomNormal([CFG.units, 1], 0, 0.3), true, 'wy'),
  by: tf.variable(tf.zeros([1]), true, 'by'),
};

export const trajectories: number[][][][] = [];

function makeBatch(): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < CFG.batch; i++) {
    const phase = Math.random() * Math.PI * 2;
    const seq = Array.from({ length: CFG.window + 1 }, (_, t) => Math.sin(phase + t * 0.3) + (Math.random() - 0.5) * 0.05);
    xs.push(seq.slice(0, -1).map((v) => [v]));
    ys.push([seq.at(-1)!]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

function forecast(xs: tf.Tensor3D, record = false): tf.Tensor2D {
  const { wx, wh, b, wy, by } = params;
  const [batch, steps] = xs.shape;
  let h: tf.Tensor2D = tf.zeros([batch, CFG.units]);
  const trace: number[][][] = [];
  for (let t = 0; t < steps; t++) {
    const xt = xs.slice([0, t, 0], [-1, 1, -1]).reshape([batch, 1]) as tf.Tensor2D;
    const next = tf.tanh(xt.matMul(wx).add(h.matMul(wh)).add(b)) as tf.Tensor2D;
    trace.push(next.arraySync());
    h = tf.tensor2d(trace.at(-1)!);
  }
  if (record) trajectories.push(trace);
  return h.matMul(wy).add(by) as tf.Tensor2D;
}

export async function train(): Promise<number[]> {
  const optimizer = tf.train.adam(CFG.lr);
  const history: number[] = [];
  for (let epoch = 0; epoch < CFG.epochs; epoch++) {
    const { xs, ys } = makeBatch();
    const loss = optimizer.minimize(
      () => tf.losses.meanSquaredError(ys, forecast(xs, epoch === CFG.epochs - 1)) as tf.Scalar,
      true,
    );
    history.push((await loss!.data())[0]!);
    tf.dispose([xs, ys, loss!]);
    if (epoch % 10 === 0) console.log(`epoch ${epoch} mse=${history.at(-1)?.toFixed(4)}`);
  }
  optimizer.dispose();
  return history;
}

export { params, forecast };

if (import.meta.url === `file://${process.argv[1]}`) {
  const before = params.wh.clone();
  const hist = await train();
  console.log('final mse', hist.at(-1)?.toFixed(4));
  console.log('recorded', trajectories.length, 'trajectories of', trajectories[0]?.length, 'steps');
  console.log('|delta wh|', tf.sub(params.wh, before).abs().sum().dataSync()[0]);
}
