// expect: unused-hidden-state
// port of the classic "classify surnames by language" char-RNN tutorial to tfjs layers (i2h / i2o style)
import * as tf from '@tensorflow/tfjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const N_LETTERS = LETTERS.length;
const categories = ['english', 'italian', 'japanese'];
let VERBOSE = false;

const trainingData: Array<[string, number]> = [
  ['smith', 0], ['johnson', 0], ['walker', 0], ['wright', 0], ['baker', 0],
  ['rossi', 1], ['russo', 1], ['bianchi', 1], ['romano', 1], ['ferrari', 1],
  ['sato', 2], ['suzuki', 2], ['takahashi', 2], ['tanaka', 2], ['yamamoto', 2],
];

function letterToTensor(ch: string): tf.Tensor2D {
  const idx = LETTERS.indexOf(ch);
  return tf.oneHot(tf.tensor1d([Math.max(idx, 0)], 'int32'), N_LETTERS).toFloat() as tf.Tensor2D;
}

export class NameRNN {
  i2h: tf.layers.Layer;
  i2o: tf.layers.Layer;
  constructor(public hiddenSize: number, public outputSize: number) {
    this.i2h = tf.layers.dense({ units: hiddenSize });
    this.i2o = tf.layers.dense({ units: outputSize });
  }

  initHidden(): tf.Tensor2D {
    return tf.zeros([1, this.hiddenSize]);
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const combined = tf.concat([input, hidden], 1);
    if (VERBOSE) console.log('combined', combined.shape);
    const newHidden = this.i2h.apply(input) as tf.Tensor2D;
    const output = tf.logSoftmax(this.i2o.apply(input) as tf.Tensor2D) as tf.Tensor2D;
    return [output, newHidden];
  }

  // run a whole name, return log-probs of the last step
  run(name: string): tf.Tensor2D {
    let hidden = this.initHidden();
    let output: tf.Tensor2D | null = null;
    for (const ch of name) {
      [output, hidden] = this.forward(letterToTensor(ch), hidden);
    }
    return output!;
  }
}

export const rnn = new NameRNN(32, categories.length);
const optimizer = tf.train.sgd(0.1);

export async function train(epochs = 20) {
  tf.tidy(() => { rnn.run('warmup'); }); // builds the dense layers
  for (let epoch = 0; epoch < epochs; epoch++) {
    let epochLoss = 0;
    for (const [name, cat] of trainingData) {
      const loss = optimizer.minimize(() => {
        const out = rnn.run(name);
        const target = tf.oneHot(tf.tensor1d([cat], 'int32'), categories.length);
        return tf.neg(tf.sum(tf.mul(out, target))) as tf.Scalar;
      }, true)!;
      epochLoss += loss.dataSync()[0];
      loss.dispose();
    }
    if (epoch % 5 === 0) console.log(`epoch ${epoch} nll ${(epochLoss / trainingData.length).toFixed(4)}`);
    await tf.nextFrame();
  }
}

export function guess(name: string): string {
  return tf.tidy(() => {
    const out = rnn.run(name.toLowerCase());
    return categories[out.argMax(1).dataSync()[0]];
  });
}

if (require.main === module) {
  train().then(() => {
    for (const n of ['smith', 'keith', 'conti', 'tanaka', 'hiroshi', 'moretti']) console.log(n.padEnd(10), guess(n));
    console.log('tensors', tf.memory().numTensors);
  });
}
