// expect: none
// toy sentiment classifier: hand-rolled GRU over word embeddings, trained with adam on a few made-up sentences
import * as tf from '@tensorflow/tfjs';

const EMB = 8;
const HID = 16;
const words = ['<unk>', 'good', 'bad', 'movie', 'great', 'awful', 'plot', 'was', 'the', 'not', 'fun', 'boring'];
const VOCAB_SIZE = words.length;

const data: Array<[string, number]> = [
  ['the movie was good', 1],
  ['the plot was awful', 0],
  ['great fun', 1],
  ['bad movie', 0],
  ['the movie was boring', 0],
  ['good plot', 1],
  ['the plot was great', 1],
  ['awful movie was not fun', 0],
];

const rnd = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.2));
const P = {
  emb: rnd([VOCAB_SIZE, EMB]),
  Wz: rnd([EMB, HID]), Uz: rnd([HID, HID]), bz: tf.variable(tf.zeros([HID])),
  Wr: rnd([EMB, HID]), Ur: rnd([HID, HID]), br: tf.variable(tf.zeros([HID])),
  Wn: rnd([EMB, HID]), Un: rnd([HID, HID]), bn: tf.variable(tf.zeros([HID])),
  Wout: rnd([HID, 1]), bout: tf.variable(tf.zeros([1])),
};

function tokenize(s: string): number[] {
  return s.split(/\s+/).map(w => Math.max(0, words.indexOf(w)));
}

function gruStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const z = tf.sigmoid(x.matMul(P.Wz).add(h.matMul(P.Uz)).add(P.bz));
  const r = tf.sigmoid(x.matMul(P.Wr).add(h.matMul(P.Ur)).add(P.br));
  const n = tf.tanh(x.matMul(P.Wn).add(r.mul(h).matMul(P.Un)).add(P.bn));
  // blend previous hidden with the candidate
  return tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, n)) as tf.Tensor2D;
}

function encode(ids: number[]): tf.Tensor2D {
  let h = tf.zeros([1, HID]) as tf.Tensor2D;
  for (const id of ids) {
    const x = tf.gather(P.emb, [id]) as tf.Tensor2D;
    h = gruStep(x, h);
  }
  return h;
}

function predictLogit(ids: number[]): tf.Tensor2D {
  return encode(ids).matMul(P.Wout).add(P.bout) as tf.Tensor2D;
}

const optimizer = tf.train.adam(0.03);

async function train(epochs = 40) {
  for (let ep = 0; ep < epochs; ep++) {
    let total = 0;
    for (const [sent, label] of data) {
      const ids = tokenize(sent);
      const cost = optimizer.minimize(() => {
        const logit = predictLogit(ids);
        return tf.losses.sigmoidCrossEntropy(tf.tensor2d([[label]]), logit) as tf.Scalar;
      }, true);
      total += cost!.dataSync()[0];
      cost!.dispose();
    }
    if (ep % 10 === 0 || ep === epochs - 1) {
      console.log(`epoch ${ep}  loss ${(total / data.length).toFixed(4)}  tensors ${tf.memory().numTensors}`);
    }
    await tf.nextFrame();
  }
}

export function positivity(sentence: string): number {
  return tf.tidy(() => tf.sigmoid(predictLogit(tokenize(sentence))).dataSync()[0]);
}

async function main() {
  await train();
  for (const s of ['the movie was great', 'boring plot', 'fun movie', 'the movie was awful']) {
    console.log(s.padEnd(24), positivity(s).toFixed(3));
  }
}

main().catch(err => console.error(err));
