// expect: none
// Trains a GRU-style predictor on long machine-vibration recordings using windowed (truncated) backprop through time.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 25;
const HIDDEN = 32;
const FEATS = 3;

interface Recording { id: string; samples: number[][] } // [T, FEATS]

const g = tf.initializers.glorotUniform({ seed: 5 });
const W = tf.variable(g.apply([FEATS, 3 * HIDDEN]) as tf.Tensor2D, true, 'W');
const U = tf.variable(g.apply([HIDDEN, 3 * HIDDEN]) as tf.Tensor2D, true, 'U');
const b = tf.variable(tf.zeros([3 * HIDDEN]) as tf.Tensor1D, true, 'b');
const Wout = tf.variable(g.apply([HIDDEN, FEATS]) as tf.Tensor2D, true, 'Wout');
const optimizer = tf.train.adam(1e-3);

function gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const [xz, xr, xn] = tf.split(x.matMul(W).add(b), 3, 1);
  const [uz, ur, un] = tf.split(U, 3, 1);
  const z = tf.sigmoid(xz.add(h.matMul(uz)));
  const r = tf.sigmoid(xr.add(h.matMul(ur)));
  const n = tf.tanh(xn.add(r.mul(h).matMul(un)));
  return tf.scalar(1).sub(z).mul(n).add(z.mul(h)) as tf.Tensor2D;
}

async function* windows(rec: Recording): AsyncGenerator<{ inputs: number[][]; targets: number[][] }> {
  for (let s = 0; s + WINDOW + 1 <= rec.samples.length; s += WINDOW) {
    yield {
      inputs: rec.samples.slice(s, s + WINDOW),
      targets: rec.samples.slice(s + 1, s + WINDOW + 1),
    };
    await new Promise((r) => setImmediate(r));
  }
}

export async function trainRecording(rec: Recording): Promise<number> {
  // Truncated BPTT: gradients flow within each WINDOW-step chunk only. The hidden
  // state is carried across chunks as a constant so the model still sees the
  // whole recording, but backprop cost stays bounded for multi-hour recordings.
  let carry: tf.Tensor2D = tf.zeros([1, HIDDEN]);
  let total = 0;
  let chunks = 0;
  for await (const { inputs, targets } of windows(rec)) {
    const xs = tf.tensor2d(inputs);
    const ys = tf.tensor2d(targets);
    let nextCarry: tf.Tensor2D | null = null;
    const loss = optimizer.minimize(() => {
      let h = carry;
      let acc = tf.scalar(0);
      for (let t = 0; t < WINDOW; t++) {
        h = gru(xs.slice([t, 0], [1, FEATS]), h);
        const pred = h.matMul(Wout);
        acc = acc.add(tf.losses.meanSquaredError(ys.slice([t, 0], [1, FEATS]), pred));
      }
      nextCarry = tf.keep(h.clone());
      return acc.div(WINDOW) as tf.Scalar;
    }, true)!;
    total += (await loss.data())[0];
    chunks++;
    tf.dispose([xs, ys, loss, carry]);
    carry = nextCarry!;
  }
  carry.dispose();
  return chunks ? total / chunks : NaN;
}

export async function trainAll(openRecordings: () => AsyncIterable<Recording>, epochs = 2): Promise<void> {
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let n = 0;
    for await (const rec of openRecordings()) {
      const loss = await trainRecording(rec);
      n++;
      console.log(`epoch ${epoch} rec ${rec.id} loss=${loss.toFixed(5)} tensors=${tf.memory().numTensors}`);
    }
    console.log(`epoch ${epoch}: ${n} recordings`);
  }
}
