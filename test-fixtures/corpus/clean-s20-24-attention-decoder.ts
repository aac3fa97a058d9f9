// expect: none
// GRU encoder + attention GRU decoder (teacher forcing) for copying padded token sequences, trained with minimize.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 12; // 0 = pad, 1 = start
const MAXLEN = 6;
const UNITS = 32;

const embed = tf.layers.embedding({ inputDim: VOCAB, outputDim: 16 });
const encoder = tf.layers.gru({ units: UNITS, returnSequences: true, returnState: true });
const decCell = tf.layers.gruCell({ units: UNITS });
decCell.build([null, 16 + UNITS]); // input = [token embedding, context]
const attnW = tf.layers.dense({ units: UNITS, useBias: false });
const readout = tf.layers.dense({ units: VOCAB });

function attend(h: tf.Tensor2D, memory: tf.Tensor3D, mask: tf.Tensor2D): tf.Tensor2D {
  // Luong "general" attention; padded source positions get -1e9 before the softmax
  const query = (attnW.apply(h) as tf.Tensor2D).expandDims(2);
  const scores = tf.matMul(memory, query).squeeze([2]);
  const masked = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
  const alpha = tf.softmax(masked, 1);
  return tf.sum(tf.mul(memory, alpha.expandDims(2)), 1) as tf.Tensor2D;
}

function decodeLoss(src: tf.Tensor2D, tgtIn: tf.Tensor2D, tgtOut: tf.Tensor2D): tf.Scalar {
  const mask = tf.cast(tf.notEqual(src, 0), 'float32') as tf.Tensor2D;
  const [memory, encState] = encoder.apply(embed.apply(src)) as tf.Tensor[];
  const tgtEmb = embed.apply(tgtIn) as tf.Tensor3D;
  let h = encState as tf.Tensor2D;
  const logits: tf.Tensor[] = [];
  for (let t = 0; t < MAXLEN; t++) {
    const ctx = attend(h, memory as tf.Tensor3D, mask);
    const xt = tgtEmb.slice([0, t, 0], [-1, 1, -1]).squeeze([1]);
    const [, hNext] = decCell.call([tf.concat([xt, ctx], 1), h], {}) as tf.Tensor2D[];
    h = hNext;
    logits.push(readout.apply(tf.concat([h, ctx], 1)) as tf.Tensor);
  }
  const weights = tf.cast(tf.notEqual(tgtOut, 0), 'float32');
  const labels = tf.oneHot(tgtOut, VOCAB);
  return tf.losses.softmaxCrossEntropy(labels, tf.stack(logits, 1), weights) as tf.Scalar;
}

function makeBatch(n: number): { src: tf.Tensor2D; tgtIn: tf.Tensor2D; tgtOut: tf.Tensor2D } {
  const src: number[][] = [];
  const tgtIn: number[][] = [];
  for (let i = 0; i < n; i++) {
    const len = 2 + Math.floor(Math.random() * (MAXLEN - 2));
    const seq = Array.from({ length: len }, () => 2 + Math.floor(Math.random() * (VOCAB - 2)));
    const padded = [...seq, ...new Array<number>(MAXLEN - len).fill(0)];
    src.push(padded);
    tgtIn.push([1, ...padded.slice(0, MAXLEN - 1)]);
  }
  return {
    src: tf.tensor2d(src, undefined, 'int32'),
    tgtIn: tf.tensor2d(tgtIn, undefined, 'int32'),
    tgtOut: tf.tensor2d(src, undefined, 'int32'),
  };
}

async function main(): Promise<void> {
  const warm = makeBatch(2);
  tf.tidy(() => { decodeLoss(warm.src, warm.tgtIn, warm.tgtOut); }); // creates all layer weights
  tf.dispose([warm.src, warm.tgtIn, warm.tgtOut]);
  const vars = [embed, encoder, decCell, attnW, readout]
    .flatMap((layer) => layer.trainableWeights)
    .map((w) => w.read() as tf.Variable);
  const optimizer = tf.train.adam(0.01);

  for (let step = 0; step <= 150; step++) {
    const { src, tgtIn, tgtOut } = makeBatch(32);
    const loss = optimizer.minimize(() => decodeLoss(src, tgtIn, tgtOut), true, vars)!;
    if (step % 50 === 0) console.log(`step ${step} loss ${(await loss.data())[0].toFixed(4)}`);
    tf.dispose([loss, src, tgtIn, tgtOut]);
  }
}

main();
