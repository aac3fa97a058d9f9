// expect: unused-hidden-state
// Small word-level RNN language model with tied embedding/decoder weights, after the PyTorch word_language_model example.
import * as tf from '@tensorflow/tfjs';

export function makeRnnLM(vocab_size, nhid) {
  // emsize == nhid because the decoder reuses the encoder matrix (tie_weights=True)
  const encoder = tf.variable(tf.randomUniform([vocab_size, nhid], -0.1, 0.1));
  const W_ih = tf.variable(tf.randomNormal([nhid, nhid], 0, 0.1));
  const W_hh = tf.variable(tf.randomNormal([nhid, nhid], 0, 0.1));
  const b_h = tf.variable(tf.zeros([nhid]));

  function step(tokenIds, hidden) {
    const emb = tf.gather(encoder, tokenIds); // [batch, nhid]
    const h = tf.tanh(emb.matMul(W_ih).add(emb.matMul(W_hh)).add(b_h));
    // decoder: logits = h @ encoder.T
    const logits = h.matMul(encoder, false, true);
    return { logits, hidden: h };
  }

  function init_hidden(bsz) {
    return tf.zeros([bsz, nhid]);
  }

  // input: [seq_len, batch] int32, returns logits [seq_len * batch, vocab]
  function forward(input, hidden) {
    const steps = tf.unstack(input);
    const outs = [];
    for (const tok of steps) {
      const r = step(tok, hidden);
      outs.push(r.logits);
      hidden = r.hidden;
    }
    return { logits: tf.concat(outs, 0), hidden };
  }

  return { step, forward, init_hidden, weights: [encoder, W_ih, W_hh, b_h] };
}

// batchify(data, bsz) from the pytorch example: [nbatch, bsz]
function batchify(ids, bsz) {
  const nbatch = Math.floor(ids.length / bsz);
  const cols = [];
  for (let j = 0; j < bsz; j++) cols.push(ids.slice(j * nbatch, (j + 1) * nbatch));
  const rows = [];
  for (let i = 0; i < nbatch; i++) rows.push(cols.map((c) => c[i]));
  return rows;
}

export async function main() {
  const corpus = 'the cat sat on the mat the dog sat on the log the cat saw the dog '.repeat(4).trim().split(' ');
  const vocab = [...new Set(corpus)];
  const ids = corpus.map((w) => vocab.indexOf(w));
  const train_data = batchify(ids, 4);
  const bptt = 5;

  const model = makeRnnLM(vocab.length, 16);
  const optimizer = tf.train.adam(0.02);

  for (let epoch = 1; epoch <= 5; epoch++) {
    let total_loss = 0;
    let n = 0;
    for (let i = 0; i + 1 < train_data.length; i += bptt) {
      const seq_len = Math.min(bptt, train_data.length - 1 - i);
      const data = train_data.slice(i, i + seq_len);
      const targets = train_data.slice(i + 1, i + 1 + seq_len).flat();
      const loss = optimizer.minimize(() => {
        const { logits } = model.forward(tf.tensor2d(data, undefined, 'int32'), model.init_hidden(4));
        const labels = tf.oneHot(tf.tensor1d(targets, 'int32'), vocab.length);
        return tf.losses.softmaxCrossEntropy(labels, logits);
      }, true);
      total_loss += (await loss.data())[0];
      loss.dispose();
      n++;
    }
    const cur_loss = total_loss / n;
    console.log(`| epoch ${epoch} | loss ${cur_loss.toFixed(3)} | ppl ${Math.exp(cur_loss).toFixed(2)}`);
  }
  return model;
}

main();
