// expect: state-leak
// Word-level GRU sentiment classifier: batch training plus an evaluate() pass, ported from a PyTorch sentiment notebook.
import * as tf from '@tensorflow/tfjs';

const vocab = ['<pad>', 'good', 'great', 'fun', 'bad', 'awful', 'boring', 'movie', 'plot', 'the', 'was', 'not'];
const word2idx = new Map(vocab.map((w, i) => [w, i] as [string, number]));
const emb_dim = 8;
const hid_dim = 16;

const embedding = tf.variable(tf.randomNormal([vocab.length, emb_dim], 0, 0.3));
const W_ih = tf.variable(tf.randomNormal([emb_dim, 3 * hid_dim], 0, 0.3));
const W_hh = tf.variable(tf.randomNormal([hid_dim, 3 * hid_dim], 0, 0.3));
const b_ih = tf.variable(tf.zeros([3 * hid_dim]));
const fc = tf.variable(tf.randomNormal([hid_dim, 1], 0, 0.3));

function gruCell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const gi = tf.split(tf.matMul(x, W_ih).add(b_ih), 3, 1);
  const gh = tf.split(tf.matMul(h, W_hh), 3, 1);
  const resetgate = tf.sigmoid(gi[0].add(gh[0]));
  const inputgate = tf.sigmoid(gi[1].add(gh[1]));
  const newgate = tf.tanh(gi[2].add(resetgate.mul(gh[2])));
  // hy = newgate + inputgate * (hidden - newgate)
  return newgate.add(inputgate.mul(h.sub(newgate))) as tf.Tensor2D;
}

function encode(sentence: string): number[] {
  return sentence.split(' ').map((w) => word2idx.get(w) ?? 0);
}

function initHidden(batch: number): tf.Tensor2D {
  return tf.zeros([batch, hid_dim]);
}

// tokens: [batch][seq_len] (already padded), returns logits [batch, 1]
function forwardBatch(tokens: number[][], hidden: tf.Tensor2D): { logits: tf.Tensor2D; hidden: tf.Tensor2D } {
  const seq_len = tokens[0].length;
  for (let t = 0; t < seq_len; t++) {
    const x = tf.gather(embedding, tokens.map((row) => row[t])) as tf.Tensor2D;
    hidden = gruCell(x, hidden);
  }
  return { logits: tf.matMul(hidden, fc) as tf.Tensor2D, hidden };
}

const data: Array<[string, number]> = [
  ['the movie was good', 1], ['great fun', 1], ['the plot was great', 1], ['good movie', 1],
  ['the movie was bad', 0], ['awful plot', 0], ['boring movie', 0], ['the plot was not good', 0],
];

function pad(seqs: number[][]): number[][] {
  const L = Math.max(...seqs.map((s) => s.length));
  return seqs.map((s) => [...new Array(L - s.length).fill(0), ...s]);
}

export function trainEpochs(n_epochs: number, batch_size = 4): void {
  const optimizer = tf.train.adam(0.03);
  for (let epoch = 0; epoch < n_epochs; epoch++) {
    let epoch_loss = 0;
    for (let i = 0; i < data.length; i += batch_size) {
      const batch = data.slice(i, i + batch_size);
      const tokens = pad(batch.map(([s]) => encode(s)));
      const labels = tf.tensor2d(batch.map(([, y]) => [y]));
      const loss = optimizer.minimize(() => {
        const { logits } = forwardBatch(tokens, initHidden(batch.length));
        return tf.losses.sigmoidCrossEntropy(labels, logits);
      }, true) as tf.Scalar;
      epoch_loss += loss.dataSync()[0];
      tf.dispose([loss, labels]);
    }
    if (epoch % 20 === 0) console.log(`epoch ${epoch} loss ${epoch_loss.toFixed(4)}`);
  }
}

// model.eval(); with torch.no_grad(): ... one sentence at a time
export function evaluate(examples: Array<[string, number]>): { acc: number; probs: number[] } {
  const probs: number[] = [];
  let correct = 0;
  let hidden = initHidden(1);
  for (const [sentence, label] of examples) {
    const out = tf.tidy(() => forwardBatch([encode(sentence)], hidden));
    hidden.dispose();
    hidden = out.hidden;
    const p = tf.tidy(() => tf.sigmoid(out.logits).dataSync()[0]);
    out.logits.dispose();
    probs.push(p);
    if ((p > 0.5 ? 1 : 0) === label) correct++;
  }
  hidden.dispose();
  return { acc: correct / examples.length, probs };
}

trainEpochs(60);
console.log(evaluate(data));
