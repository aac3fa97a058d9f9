// expect: unused-hidden-state
// Port of the PyTorch "classifying names with a character-level RNN" tutorial to TensorFlow.js.
import * as tf from '@tensorflow/tfjs';

const all_letters = "abcdefghijklmnopqrstuvwxyz .,;'";
const n_letters = all_letters.length;

// Find letter index from all_letters, e.g. "a" = 0
function letterToIndex(letter: string): number {
  const i = all_letters.indexOf(letter);
  return i < 0 ? 0 : i;
}

// Turn a line into a <line_length x 1 x n_letters> tensor of one-hot letter vectors
export function lineToTensor(line: string): tf.Tensor3D {
  const idx = Array.from(line.toLowerCase()).map(letterToIndex);
  return tf.tidy(() =>
    tf.oneHot(tf.tensor1d(idx, 'int32'), n_letters).reshape([idx.length, 1, n_letters]) as tf.Tensor3D);
}

export class RNN {
  hidden_size: number;
  i2h: tf.layers.Layer;
  h2o: tf.layers.Layer;

  constructor(input_size: number, hidden_size: number, output_size: number) {
    this.hidden_size = hidden_size;
    // self.i2h = nn.Linear(input_size, hidden_size)
    this.i2h = tf.layers.dense({units: hidden_size, inputShape: [input_size], activation: 'tanh'});
    // self.h2o = nn.Linear(hidden_size, output_size)
    this.h2o = tf.layers.dense({units: output_size});
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    // assert hidden.size(1) == self.hidden_size
    tf.util.assert(hidden.shape[1] === this.hidden_size, () => 'bad hidden size');
    const hidden_next = this.i2h.apply(input) as tf.Tensor2D;
    // output = self.softmax(self.h2o(hidden))
    const output = tf.logSoftmax(this.h2o.apply(hidden_next) as tf.Tensor2D);
    return [output, hidden_next];
  }

  initHidden(): tf.Tensor2D {
    return tf.zeros([1, this.hidden_size]);
  }
}

const categories = ['English', 'Italian', 'Japanese'];
const data: Array<[string, number]> = [
  ['smith', 0], ['taylor', 0], ['walker', 0], ['rossi', 1], ['bianchi', 1],
  ['romano', 1], ['tanaka', 2], ['suzuki', 2], ['watanabe', 2],
];

const rnn = new RNN(n_letters, 32, categories.length);
const optimizer = tf.train.sgd(0.05);

export function runLine(line: string): tf.Tensor2D {
  const line_tensor = lineToTensor(line);
  let hidden = rnn.initHidden();
  let output: tf.Tensor2D | null = null;
  const steps = tf.unstack(line_tensor) as tf.Tensor2D[];
  for (const letter of steps) {
    [output, hidden] = rnn.forward(letter, hidden);
  }
  return output as tf.Tensor2D;
}

function train(category_idx: number, line: string): number {
  const loss = optimizer.minimize(() => {
    const output = runLine(line);
    // criterion = nn.NLLLoss()
    const target = tf.oneHot(tf.tensor1d([category_idx], 'int32'), categories.length);
    return tf.neg(tf.sum(tf.mul(output, target)));
  }, true) as tf.Scalar;
  const v = loss.dataSync()[0];
  loss.dispose();
  return v;
}

export function predict(line: string): string {
  return tf.tidy(() => {
    const output = runLine(line);
    const topi = output.argMax(1).dataSync()[0];
    return categories[topi];
  });
}

function main(): void {
  // one dummy pass so the dense layers create their weights before minimize() collects them
  tf.tidy(() => { runLine('a'); });
  const n_iters = 200;
  let current_loss = 0;
  for (let iter = 1; iter <= n_iters; iter++) {
    const [line, category] = data[Math.floor(Math.random() * data.length)];
    current_loss += train(category, line);
    if (iter % 50 === 0) {
      console.log(`iter ${iter} avg loss ${(current_loss / 50).toFixed(4)}`);
      current_loss = 0;
    }
  }
  for (const name of ['satoshi', 'ferrari', 'johnson']) {
    console.log(name, '->', predict(name));
  }
}

main();
