// expect: bptt-cut
// Sequence tagger (tag = previous token's class) with a hand-written tanh RNN; training loop follows my PyTorch script step by step.
import * as tf from '@tensorflow/tfjs';

const n_tokens = 6;
const n_tags = 6;
const hidden_size = 24;

export class TaggerRNN {
  W_ih = tf.variable(tf.randomNormal([n_tokens, hidden_size], 0, 0.3));
  W_hh = tf.variable(tf.randomNormal([hidden_size, hidden_size], 0, 0.3));
  b_h = tf.variable(tf.zeros([hidden_size]));
  W_tag = tf.variable(tf.randomNormal([hidden_size, n_tags], 0, 0.3));
  b_tag = tf.variable(tf.zeros([n_tags]));

  initHidden(batch_size: number): tf.Tensor2D {
    return tf.zeros([batch_size, hidden_size]);
  }

  // x: [batch, seq_len] token ids -> rnn outputs [batch, seq_len, hidden]
  rnn(x: tf.Tensor2D, hidden: tf.Tensor2D): { output: tf.Tensor3D; hidden: tf.Tensor2D } {
    const onehots = tf.unstack(tf.oneHot(x.toInt(), n_tokens), 1) as tf.Tensor2D[];
    const outs: tf.Tensor2D[] = [];
    for (const x_t of onehots) {
      hidden = tf.tanh(tf.matMul(x_t, this.W_ih).add(tf.matMul(hidden, this.W_hh)).add(this.b_h)) as tf.Tensor2D;
      outs.push(hidden);
    }
    return { output: tf.stack(outs, 1) as tf.Tensor3D, hidden };
  }

  // hidden2tag: [batch, seq_len, hidden] -> [batch * seq_len, n_tags]
  hidden2tag(output: tf.Tensor3D): tf.Tensor2D {
    const flat = output.reshape([-1, hidden_size]) as tf.Tensor2D;
    return tf.matMul(flat, this.W_tag).add(this.b_tag) as tf.Tensor2D;
  }
}

export function makeBatch(batch_size: number, seq_len: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let b = 0; b < batch_size; b++) {
    const toks = Array.from({ length: seq_len }, () => Math.floor(Math.random() * n_tokens));
    xs.push(toks);
    toks.forEach((_, t) => ys.push(t === 0 ? 0 : toks[t - 1]));
  }
  return { x: tf.tensor2d(xs, undefined, 'int32'), y: tf.oneHot(tf.tensor1d(ys, 'int32'), n_tags) as tf.Tensor2D };
}

export function trainEpoch(model: TaggerRNN, optimizer: tf.Optimizer, n_batches: number, batch_size = 16): number {
  let total = 0;
  for (let i = 0; i < n_batches; i++) {
    const { x, y } = makeBatch(batch_size, 8);
    // output, hidden = model(x, hidden)
    const { output, hidden } = tf.tidy(() => model.rnn(x, model.initHidden(batch_size)));
    // loss = criterion(tag_scores, targets); loss.backward(); optimizer.step()
    const loss = optimizer.minimize(() => {
      const tag_scores = model.hidden2tag(output);
      return tf.losses.softmaxCrossEntropy(y, tag_scores) as tf.Scalar;
    }, true) as tf.Scalar;
    total += loss.dataSync()[0];
    tf.dispose([x, y, output, hidden, loss]);
  }
  return total / n_batches;
}

export function accuracy(model: TaggerRNN): number {
  return tf.tidy(() => {
    const { x, y } = makeBatch(64, 8);
    const scores = model.hidden2tag(model.rnn(x, model.initHidden(64)).output);
    return scores.argMax(1).equal(y.argMax(1)).toFloat().mean().dataSync()[0];
  });
}

function main(): void {
  const model = new TaggerRNN();
  const optimizer = tf.train.adam(0.02);
  for (let epoch = 1; epoch <= 30; epoch++) {
    const loss = trainEpoch(model, optimizer, 5);
    if (epoch % 10 === 0) console.log(`epoch ${epoch} loss ${loss.toFixed(4)} acc ${accuracy(model).toFixed(3)}`);
  }
}

main();
