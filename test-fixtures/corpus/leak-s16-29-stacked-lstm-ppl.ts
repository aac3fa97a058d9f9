// expect: state-leak
// word-level 2-layer LSTM LM on a toy corpus: train per sentence, then report test perplexity (table 2 of the write-up)
import * as tf from '@tensorflow/tfjs';

const train_corpus = [
  'the dog runs', 'the cat sleeps', 'a dog sleeps', 'a cat runs', 'the bird sings',
  'a bird flies', 'the dog barks', 'the cat purrs', 'a bird sings', 'the dog sleeps',
];
const test_corpus = ['the cat runs', 'a dog barks', 'the bird flies', 'a cat sleeps'];
const vocab = ['<s>', '</s>', ...Array.from(new Set(train_corpus.join(' ').split(' ')))];
const V = vocab.length;
const E = 8;
const H = [16, 16];

type layer_state = { h: tf.Tensor2D; c: tf.Tensor2D };

const emb = tf.variable(tf.randomNormal([V, E], 0, 0.3), true, 'emb');
const cells = H.map((h, l) => ({
  W: tf.variable(tf.randomNormal([l === 0 ? E : H[l - 1], 4 * h], 0, 0.2), true, `W${l}`),
  U: tf.variable(tf.randomNormal([h, 4 * h], 0, 0.2), true, `U${l}`),
  b: tf.variable(tf.zeros([4 * h]), true, `b${l}`),
}));
const W_o = tf.variable(tf.randomNormal([H[H.length - 1], V], 0, 0.2), true, 'W_o');

const to_ids = (s: string) => [0, ...s.split(' ').map((w) => vocab.indexOf(w)), 1];
const zero_states = (): layer_state[] => H.map((h) => ({ h: tf.zeros([1, h]) as tf.Tensor2D, c: tf.zeros([1, h]) as tf.Tensor2D }));

function step(tok: number, states: layer_state[]): { logits: tf.Tensor2D; states: layer_state[] } {
  let inp = tf.gather(emb, tf.tensor1d([tok], 'int32')) as tf.Tensor2D;
  const next = states.map((s, l) => {
    const z: tf.Tensor2D = tf.add(tf.add(tf.matMul(inp, cells[l].W), tf.matMul(s.h, cells[l].U)), cells[l].b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(f), s.c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    const h: tf.Tensor2D = tf.mul(tf.sigmoid(o), tf.tanh(c));
    inp = h;
    return { h, c };
  });
  return { logits: tf.matMul(inp, W_o), states: next };
}

const opt = tf.train.adam(0.02);
for (let epoch = 0; epoch < 40; epoch++) {
  let total = 0;
  for (const sent of train_corpus) {
    const ids = to_ids(sent);
    const cost = opt.minimize(() => {
      let states = zero_states();
      const losses: tf.Scalar[] = [];
      for (let t = 0; t + 1 < ids.length; t++) {
        const out = step(ids[t], states);
        states = out.states;
        losses.push(tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d([ids[t + 1]], 'int32'), V), out.logits));
      }
      return tf.div(tf.addN(losses), losses.length) as tf.Scalar;
    }, true)!;
    total += cost.dataSync()[0];
    cost.dispose();
  }
  if (epoch % 10 === 0) console.log(`epoch ${epoch} train nll ${(total / train_corpus.length).toFixed(4)}`);
}

function perplexity(corpus: string[]): { ppl: number; per_sentence: number[] } {
  let nll = 0;
  let n_tok = 0;
  const per_sentence: number[] = [];
  let states = zero_states();
  for (const sent of corpus) {
    const ids = to_ids(sent);
    let s_nll = 0;
    for (let t = 0; t + 1 < ids.length; t++) {
      const res = tf.tidy(() => {
        const out = step(ids[t], states);
        const lp = tf.logSoftmax(out.logits).dataSync()[ids[t + 1]];
        return { next: out.states, lp: tf.scalar(lp) };
      });
      tf.dispose(states);
      states = res.next;
      s_nll -= res.lp.dataSync()[0];
      res.lp.dispose();
    }
    per_sentence.push(+(s_nll / (ids.length - 1)).toFixed(3));
    nll += s_nll;
    n_tok += ids.length - 1;
  }
  tf.dispose(states);
  return { ppl: Math.exp(nll / n_tok), per_sentence };
}

const test = perplexity(test_corpus);
const train = perplexity(train_corpus);
console.log('test ppl', test.ppl.toFixed(3), 'per sentence', test.per_sentence.join(' '));
console.log('train ppl', train.ppl.toFixed(3), '| tensors', tf.memory().numTensors);
