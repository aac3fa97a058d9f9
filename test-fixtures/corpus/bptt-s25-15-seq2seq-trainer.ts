// expect: bptt-cut
// Training loop for a date-format converter ("12/03" -> "03.12"): encoder LSTM, decoder LSTM, Adam.
import * as tf from '@tensorflow/tfjs';

const SYMBOLS = '^$0123456789/.';
const V = SYMBOLS.length;
const U = 24;

interface Lstm {
  w: tf.Variable;
  b: tf.Variable;
}

const makeLstm = (name: string, seed: number): Lstm => ({
  w: tf.variable(tf.randomNormal([V + U, 4 * U], 0, 0.15, 'float32', seed), true, `${name}/w`),
  b: tf.variable(tf.zeros([4 * U]), true, `${name}/b`),
});

export const encoderCell = makeLstm('encoder', 1);
export const decoderCell = makeLstm('decoder', 2);
export const outW = tf.variable(tf.randomNormal([U, V], 0, 0.15, 'float32', 3), true, 'out/w');

function step(cell: Lstm, x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const gates = tf.add(tf.matMul(tf.concat([x, h], 1), cell.w as tf.Tensor2D), cell.b);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const c2 = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
  return [tf.mul(tf.sigmoid(o), tf.tanh(c2)) as tf.Tensor2D, c2];
}

const encodeChars = (strs: string[], t: number) =>
  tf.oneHot(tf.tensor1d(strs.map((s) => SYMBOLS.indexOf(s[t])), 'int32'), V).toFloat() as tf.Tensor2D;

function runEncoder(src: string[]): [tf.Tensor2D, tf.Tensor2D] {
  let h = tf.zeros([src.length, U]) as tf.Tensor2D;
  let c = tf.zeros([src.length, U]) as tf.Tensor2D;
  for (let t = 0; t < src[0].length; t++) [h, c] = step(encoderCell, encodeChars(src, t), h, c);
  return [h, c];
}

function decoderLoss(init: [tf.Tensor2D, tf.Tensor2D], tgt: string[]): tf.Scalar {
  let [h, c] = init;
  const inputs = tgt.map((s) => '^' + s);
  const outputs = tgt.map((s) => s + '$');
  let total = tf.scalar(0);
  for (let t = 0; t < outputs[0].length; t++) {
    [h, c] = step(decoderCell, encodeChars(inputs, t), h, c);
    const logits = tf.matMul(h, outW as tf.Tensor2D);
    total = tf.add(total, tf.losses.softmaxCrossEntropy(encodeChars(outputs, t), logits));
  }
  return tf.div(total, outputs[0].length) as tf.Scalar;
}

function makeBatch(n: number): { src: string[]; tgt: string[] } {
  const pad = (k: number) => String(k).padStart(2, '0');
  const src: string[] = [];
  const tgt: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = pad(1 + Math.floor(Math.random() * 28));
    const m = pad(1 + Math.floor(Math.random() * 12));
    src.push(`${m}/${d}`);
    tgt.push(`${d}.${m}`);
  }
  return { src, tgt };
}

export function train(iterations = 40): number[] {
  const optimizer = tf.train.adam(0.02);
  const losses: number[] = [];
  for (let it = 0; it < iterations; it++) {
    const { src, tgt } = makeBatch(32);
    const encoded = runEncoder(src);
    const loss = optimizer.minimize(() => decoderLoss(encoded, tgt), true);
    losses.push(loss!.dataSync()[0]);
    tf.dispose([loss!, ...encoded]);
  }
  return losses;
}

if (require.main === module) {
  const losses = train();
  console.log('first/last loss', losses[0].toFixed(3), losses[losses.length - 1].toFixed(3));
}
