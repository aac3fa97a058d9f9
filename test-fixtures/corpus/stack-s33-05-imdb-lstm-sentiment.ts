// expect: stacked-activation
// Review sentiment classifier (Embedding -> LSTM -> Dense) ported from a PyTorch IMDB notebook to tf.layers.
import * as tf from '@tensorflow/tfjs';

const max_features = 2000;
const maxlen = 80;
const embedding_dim = 64;
const batch_size = 32;
const n_epochs = 5;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function pad_sequences(sequences: number[][], max_len: number): number[][] {
  return sequences.map((seq) => {
    const trimmed = seq.slice(-max_len);
    return [...new Array<number>(max_len - trimmed.length).fill(0), ...trimmed];
  });
}

// Synthetic stand-in for imdb.load_data(): label-0 reviews over-sample ids 1..99,
// label-1 reviews over-sample ids 100..198, everything else is filler vocabulary.
function load_data(n: number): [number[][], number[]] {
  const x: number[][] = [];
  const y: number[] = [];
  for (const i of range(n)) {
    const label = i % 2;
    const len = 20 + Math.floor(Math.random() * 100);
    x.push(range(len).map(() => {
      if (Math.random() < 0.3) return 1 + label * 99 + Math.floor(Math.random() * 99);
      return 200 + Math.floor(Math.random() * (max_features - 200));
    }));
    y.push(label);
  }
  return [x, y];
}

class SentimentNet {
  readonly model: tf.Sequential;

  constructor() {
    this.model = tf.sequential();
    this.model.add(tf.layers.embedding({
      inputDim: max_features,
      outputDim: embedding_dim,
      inputLength: maxlen,
      maskZero: true,
    }));
    this.model.add(tf.layers.lstm({ units: 64, dropout: 0.2, recurrentDropout: 0.2 }));
    this.model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  }

  compile(lr: number): void {
    this.model.compile({
      optimizer: tf.train.adam(lr),
      loss: (y_true: tf.Tensor, y_pred: tf.Tensor) => tf.losses.softmaxCrossEntropy(y_true, y_pred),
      metrics: ['accuracy'],
    });
  }

  predict_sentiment(ids: number[][]): number[] {
    return tf.tidy(() => {
      const x = tf.tensor2d(pad_sequences(ids, maxlen), undefined, 'int32');
      const probs = this.model.predict(x) as tf.Tensor2D;
      return Array.from(probs.argMax(-1).dataSync());
    });
  }
}

function to_tensors(x_raw: number[][], y_raw: number[]): [tf.Tensor2D, tf.Tensor2D] {
  return tf.tidy(() => [
    tf.tensor2d(pad_sequences(x_raw, maxlen), undefined, 'int32'),
    tf.oneHot(tf.tensor1d(y_raw, 'int32'), 2).toFloat() as tf.Tensor2D,
  ]);
}

async function main(): Promise<void> {
  const [x_train_raw, y_train_raw] = load_data(2000);
  const [x_test_raw, y_test_raw] = load_data(400);
  const [x_train, y_train] = to_tensors(x_train_raw, y_train_raw);
  const [x_test, y_test] = to_tensors(x_test_raw, y_test_raw);

  const net = new SentimentNet();
  net.compile(1e-3);
  net.model.summary();

  await net.model.fit(x_train, y_train, {
    batchSize: batch_size,
    epochs: n_epochs,
    validationData: [x_test, y_test],
  });

  const [score, acc] = net.model.evaluate(x_test, y_test, { batchSize: batch_size }) as tf.Scalar[];
  console.log(`Test score: ${score.dataSync()[0].toFixed(4)}`);
  console.log(`Test accuracy: ${acc.dataSync()[0].toFixed(4)}`);
  console.log('predicted:', net.predict_sentiment(x_test_raw.slice(0, 8)));
  console.log('actual:   ', y_test_raw.slice(0, 8));
  tf.dispose([x_train, y_train, x_test, y_test, score, acc]);
}

main();
