// expect: none
// Truncated BPTT over long sensor logs: each log is cut into chunks, the state carries across chunks of the same log.
import * as tf from '@tensorflow/tfjs';

const CHUNK = 20;
const UNITS = 16;

const Wx = tf.variable(tf.randomNormal([1, UNITS], 0, 0.5), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.15), true, 'Wh');
const bh = tf.variable(tf.zeros([UNITS]), true, 'bh');
const Wy = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3), true, 'Wy');
const by = tf.variable(tf.zeros([1]), true, 'by');

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), bh)) as tf.Tensor2D;
}

function makeLog(length: number): number[] {
  const period = 15 + Math.floor(Math.random() * 20);
  return Array.from({ length }, (_, t) => Math.sin((2 * Math.PI * t) / period) + 0.03 * Math.random());
}

export function chunkLoss(inputs: number[], targets: number[], h0: tf.Tensor2D, keepLast: (h: tf.Tensor2D) => void): tf.Scalar {
  let h = h0;
  const preds: tf.Tensor[] = [];
  for (const v of inputs) {
    h = step(tf.tensor2d([[v]]), h);
    preds.push(tf.add(tf.matMul(h, Wy), by));
  }
  keepLast(h);
  return tf.losses.meanSquaredError(tf.tensor2d(targets, [targets.length, 1]), tf.concat(preds, 0)) as tf.Scalar;
}

export async function trainOnLogs(logs: number[][], epochs: number): Promise<number[]> {
  const optimizer = tf.train.adam(0.01);
  const epochLosses: number[] = [];
  const logDs = tf.data.array(logs).shuffle(logs.length);

  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    let chunks = 0;
    await logDs.forEachAsync((item) => {
      const values = item as number[];
      // every log is an independent recording, so it starts from a zero state
      let carry: tf.Tensor2D = tf.zeros([1, UNITS]);
      for (let start = 0; start + CHUNK + 1 <= values.length; start += CHUNK) {
        const box: { last?: tf.Tensor2D } = {};
        const { value, grads } = tf.variableGrads(() =>
          chunkLoss(values.slice(start, start + CHUNK), values.slice(start + 1, start + CHUNK + 1), carry, (h) => {
            box.last = tf.keep(h);
          }),
        );
        optimizer.applyGradients(grads as Record<string, tf.Variable>);
        total += value.dataSync()[0];
        chunks++;
        tf.dispose([value, ...Object.values(grads)]);
        // Truncated BPTT: the next chunk starts from a plain copy of the final state,
        // so gradients stop at the chunk boundary by design.
        const finalState = box.last!;
        const detached = tf.tensor2d(finalState.dataSync(), [1, UNITS]);
        tf.dispose([carry, finalState]);
        carry = detached;
      }
      carry.dispose();
    });
    epochLosses.push(total / chunks);
    console.log(`epoch ${epoch + 1}: mean chunk mse ${(total / chunks).toFixed(5)}`);
  }
  return epochLosses;
}

if (require.main === module) {
  const logs = Array.from({ length: 6 }, () => makeLog(121));
  trainOnLogs(logs, 5).then((l) => console.log(`improved: ${l[l.length - 1] < l[0]}; tensors ${tf.memory().numTensors}`));
}
