// expect: none
// Streams a generated product blurb into the page word by word from a small word-level LSTM.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

export const WORDS = ['<eos>', 'a', 'light', 'warm', 'jacket', 'for', 'cold', 'days', 'with', 'deep', 'pockets',
  'and', 'soft', 'lining', 'made', 'to', 'last', '.'];
const E = 16;
const H = 32;

interface Lstm { W: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D; emb: tf.Tensor2D; Wout: tf.Tensor2D; bout: tf.Tensor1D }
interface State { h: tf.Tensor2D; c: tf.Tensor2D }

export function randomLstm(seed = 51): Lstm {
  return {
    emb: tf.randomNormal([WORDS.length, E], 0, 0.5, 'float32', seed),
    W: tf.randomNormal([E, 4 * H], 0, 0.3, 'float32', seed + 1),
    U: tf.randomNormal([H, 4 * H], 0, 0.3, 'float32', seed + 2),
    b: tf.zeros([4 * H]),
    Wout: tf.randomNormal([H, WORDS.length], 0, 0.6, 'float32', seed + 3),
    bout: tf.zeros([WORDS.length]),
  };
}

function lstmStep(m: Lstm, token: number, s: State): State {
  const x = tf.gather(m.emb, [token]);
  const z = x.matMul(m.W).add(s.h.matMul(m.U)).add(m.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const i = tf.sigmoid(zi);
  const f = tf.sigmoid(zf);
  const g = tf.tanh(zg);
  const o = tf.sigmoid(zo);
  const c = f.mul(s.c).add(i.mul(g)) as tf.Tensor2D;
  const h = o.mul(tf.tanh(c)) as tf.Tensor2D;
  return { h, c };
}

export async function* streamWords(m: Lstm, prompt: number[], maxWords = 20, temperature = 0.7,
                                   rand: () => number = Math.random): AsyncGenerator<string> {
  let state: State = { h: tf.zeros([1, H]), c: tf.zeros([1, H]) };
  const advance = (token: number) => {
    const prev = state;
    state = tf.tidy(() => {
      const next = lstmStep(m, token, prev);
      return { h: tf.keep(next.h), c: tf.keep(next.c) };
    });
    tf.dispose([prev.h, prev.c]);
  };
  try {
    for (const t of prompt) advance(t);
    let token = prompt[prompt.length - 1] ?? 1;
    for (let n = 0; n < maxWords; n++) {
      const probs = tf.tidy(() => tf.softmax(state.h.matMul(m.Wout).add(m.bout).div(temperature)));
      const p = await probs.data();
      probs.dispose();
      let r = rand();
      token = p.findIndex((v) => (r -= v) <= 0);
      if (token < 0) token = p.length - 1;
      if (token === 0) return;
      yield WORDS[token];
      advance(token);
    }
  } finally {
    tf.dispose([state.h, state.c]);
  }
}

export async function typeInto(el: HTMLElement, m: Lstm, prompt: string[]): Promise<number> {
  el.textContent = prompt.join(' ');
  let count = 0;
  for await (const word of streamWords(m, prompt.map((w) => Math.max(1, WORDS.indexOf(w))))) {
    el.textContent += (word === '.' ? '' : ' ') + word;
    count++;
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
  return count;
}

if (typeof document !== 'undefined' && document.getElementById('blurb')) {
  const model = randomLstm();
  document.getElementById('write-blurb')?.addEventListener('click', () => {
    void typeInto(document.getElementById('blurb') as HTMLElement, model, ['a', 'warm']);
  });
}
