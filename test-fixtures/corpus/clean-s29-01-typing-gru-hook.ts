// expect: none
// Next-letter hints for the search box: a small GRU reads the letters of the word being typed.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const HIDDEN = 24;

type Ref<T> = { current: T };
function useRef<T>(initial: T): Ref<T> {
  return { current: initial };
}

export interface GruParams {
  wz: tf.Tensor2D; uz: tf.Tensor2D; bz: tf.Tensor1D;
  wr: tf.Tensor2D; ur: tf.Tensor2D; br: tf.Tensor1D;
  wh: tf.Tensor2D; uh: tf.Tensor2D; bh: tf.Tensor1D;
  wOut: tf.Tensor2D; bOut: tf.Tensor1D;
}

export function initParams(seed = 7): GruParams {
  const v = ALPHABET.length;
  const mat = (r: number, c: number, k: number) =>
    tf.randomNormal([r, c], 0, 0.3, 'float32', seed + k) as tf.Tensor2D;
  const vec = (n: number) => tf.zeros([n]) as tf.Tensor1D;
  return {
    wz: mat(v, HIDDEN, 1), uz: mat(HIDDEN, HIDDEN, 2), bz: vec(HIDDEN),
    wr: mat(v, HIDDEN, 3), ur: mat(HIDDEN, HIDDEN, 4), br: vec(HIDDEN),
    wh: mat(v, HIDDEN, 5), uh: mat(HIDDEN, HIDDEN, 6), bh: vec(HIDDEN),
    wOut: mat(HIDDEN, v, 7), bOut: vec(v),
  };
}

function gruStep(p: GruParams, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const z = tf.sigmoid(tf.matMul(x, p.wz).add(tf.matMul(h, p.uz)).add(p.bz));
    const r = tf.sigmoid(tf.matMul(x, p.wr).add(tf.matMul(h, p.ur)).add(p.br));
    const cand = tf.tanh(tf.matMul(x, p.wh).add(tf.matMul(r.mul(h), p.uh)).add(p.bh));
    return tf.sub(1, z).mul(h).add(z.mul(cand)) as tf.Tensor2D;
  });
}

export function useLetterHints(params: GruParams = initParams()) {
  const hidden = useRef<tf.Tensor2D>(tf.zeros([1, HIDDEN]));
  const word = useRef('');

  function reset(): void {
    hidden.current.dispose();
    hidden.current = tf.zeros([1, HIDDEN]);
    word.current = '';
  }

  function push(ch: string): string[] {
    const idx = ALPHABET.indexOf(ch.toLowerCase());
    if (idx < 0) {
      reset();
      return [];
    }
    const x = tf.tidy(() => tf.oneHot(tf.tensor1d([idx], 'int32'), ALPHABET.length).toFloat()) as tf.Tensor2D;
    const next = gruStep(params, x, hidden.current);
    x.dispose();
    hidden.current.dispose();
    hidden.current = next;
    word.current += ch;

    const probs = tf.tidy(() => tf.softmax(tf.matMul(next, params.wOut).add(params.bOut)));
    const ranked = Array.from(probs.dataSync())
      .map((p, i) => ({ p, letter: ALPHABET[i] }))
      .sort((a, b) => b.p - a.p)
      .slice(0, 3)
      .map((e) => word.current + e.letter);
    probs.dispose();
    return ranked;
  }

  return { push, reset, current: () => hidden.current, word: () => word.current };
}

export function attachHints(input: HTMLInputElement, list: HTMLElement): () => void {
  const hints = useLetterHints();
  const onKey = (ev: KeyboardEvent) => {
    const suggestions = hints.push(ev.key);
    list.textContent = suggestions.join('  ');
  };
  const onBlur = () => hints.reset();
  input.addEventListener('keypress', onKey);
  input.addEventListener('blur', onBlur);
  return () => {
    input.removeEventListener('keypress', onKey);
    input.removeEventListener('blur', onBlur);
    hints.reset();
  };
}
