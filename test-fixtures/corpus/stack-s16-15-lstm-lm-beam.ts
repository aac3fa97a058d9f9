// expect: stacked-activation
// tiny LSTM language model (tf.layers) over stride sequences + beam search decoding, experiments 1-2 of the LM notebook
import * as tf from '@tensorflow/tfjs';

const V = 10; // 0 = <s>, 1..9 symbols
const L = 7;

function make_lm(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.embedding({ inputDim: V, outputDim: 12, inputLength: L }));
  m.add(tf.layers.lstm({ units: 20, returnSequences: true }));
  m.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: V, activation: 'softmax' }) }));
  m.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy' });
  return m;
}

// sentences: <s> a, a+k, a+2k, ... (mod 9) with k in {1, 2}; k = 1 is three times as frequent
function corpus(n: number): number[][] {
  return Array.from({ length: n }, () => {
    const a = Math.floor(Math.random() * 9);
    const k = Math.random() < 0.75 ? 1 : 2;
    return [0, ...Array.from({ length: L }, (_, t) => 1 + ((a + t * k) % 9))];
  });
}

async function train(m: tf.Sequential) {
  const data = corpus(800);
  const x = tf.tensor2d(data.map((s) => s.slice(0, L)));
  const y = tf.oneHot(tf.tensor2d(data.map((s) => s.slice(1, L + 1)), undefined, 'int32'), V);
  const hist = await m.fit(x, y, { epochs: 15, batchSize: 64, verbose: 0 });
  console.log('final train loss', (hist.history.loss[hist.history.loss.length - 1] as number).toFixed(4));
  tf.dispose([x, y]);
}

function next_token_scores(m: tf.Sequential, prefix: number[]): Float32Array {
  return tf.tidy(() => {
    const padded = [...prefix, ...new Array(L - prefix.length).fill(0)];
    const out = m.predict(tf.tensor2d([padded])) as tf.Tensor3D; // [1, L, V]
    const last = out.slice([0, prefix.length - 1, 0], [1, 1, V]).reshape([V]);
    return tf.logSoftmax(last).dataSync() as Float32Array;
  });
}

type beam = { seq: number[]; score: number };

function beam_search(m: tf.Sequential, prefix: number[], width: number, steps: number): beam[] {
  let beams: beam[] = [{ seq: prefix, score: 0 }];
  for (let s = 0; s < steps; s++) {
    const cand: beam[] = [];
    for (const b of beams) {
      const lp = next_token_scores(m, b.seq);
      for (let w = 1; w < V; w++) cand.push({ seq: [...b.seq, w], score: b.score + lp[w] });
    }
    beams = cand.sort((a, b) => b.score - a.score).slice(0, width);
  }
  return beams;
}

async function main() {
  const lm = make_lm();
  await train(lm);

  // experiment 1: after "<s> 3" the stride is ambiguous -> beams should carry both continuations
  for (const b of beam_search(lm, [0, 3], 3, 4)) console.log('exp1', b.seq.join(' '), b.score.toFixed(4));

  // experiment 2: after "<s> 3 5" the stride is fixed at 2
  for (const b of beam_search(lm, [0, 3, 5], 3, 3)) console.log('exp2', b.seq.join(' '), b.score.toFixed(4));

  // numeric check: sequence probability of the top beam
  const top = beam_search(lm, [0, 3], 1, 4)[0];
  console.log('top beam prob', Math.exp(top.score).toExponential(3), 'tensors', tf.memory().numTensors);
}

main();
