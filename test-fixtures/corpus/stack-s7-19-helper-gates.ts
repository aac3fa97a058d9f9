// expect: stacked-activation
// Link prefetcher: an LSTM over the visitor's page history predicts the next page and prefetches the likeliest ones.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

interface GateParams { W: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D }

interface PrefetchWeights {
  embedding: tf.Tensor2D;
  input: GateParams;
  forget: GateParams;
  output: GateParams;
  cell: GateParams;
  proj: tf.Tensor2D;
  projBias: tf.Tensor1D;
}

function toGate(raw: { W: number[][]; U: number[][]; b: number[] }): GateParams {
  return { W: tf.tensor2d(raw.W), U: tf.tensor2d(raw.U), b: tf.tensor1d(raw.b) };
}

class PagePredictor {
  private h: tf.Tensor2D;
  private c: tf.Tensor2D;

  constructor(private readonly w: PrefetchWeights, private readonly pages: string[]) {
    const units = w.input.U.shape[0];
    this.h = tf.zeros([1, units]);
    this.c = tf.zeros([1, units]);
  }

  private gate(x: tf.Tensor2D, h: tf.Tensor2D, p: GateParams): tf.Tensor2D {
    return tf.sigmoid(tf.addN([tf.matMul(x, p.W), tf.matMul(h, p.U), p.b])) as tf.Tensor2D;
  }

  private cellStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const i = this.gate(x, h, this.w.input);
    const f = this.gate(x, h, this.w.forget);
    const o = this.gate(x, h, this.w.output);
    const g = tf.tanh(this.gate(x, h, this.w.cell));
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, g)) as tf.Tensor2D;
    const hNext = tf.mul(o, tf.tanh(cNext)) as tf.Tensor2D;
    return [hNext, cNext];
  }

  /** Feed one visited page; returns the top-k next pages. */
  visit(path: string, k = 3): string[] {
    const idx = Math.max(0, this.pages.indexOf(path));
    const [h, c, top] = tf.tidy(() => {
      const x = tf.gather(this.w.embedding, [idx]) as tf.Tensor2D;
      const [hN, cN] = this.cellStep(x, this.h, this.c);
      const logits = tf.add(tf.matMul(hN, this.w.proj), this.w.projBias);
      const { indices } = tf.topk(logits.squeeze(), k);
      return [hN, cN, indices];
    });
    tf.dispose([this.h, this.c]);
    this.h = h;
    this.c = c;
    const ids = Array.from(top.dataSync());
    top.dispose();
    return ids.map((i) => this.pages[i]);
  }
}

// ---- page glue -------------------------------------------------------------
const prefetched = new Set<string>();

function prefetch(href: string) {
  if (prefetched.has(href)) return;
  const link = document.createElement('link');
  link.rel = 'prefetch';
  link.href = href;
  document.head.appendChild(link);
  prefetched.add(href);
}

export async function initPrefetcher(modelUrl: string) {
  const raw = await (await fetch(modelUrl)).json();
  const weights: PrefetchWeights = {
    embedding: tf.tensor2d(raw.embedding),
    input: toGate(raw.input),
    forget: toGate(raw.forget),
    output: toGate(raw.output),
    cell: toGate(raw.cell),
    proj: tf.tensor2d(raw.proj),
    projBias: tf.tensor1d(raw.projBias),
  };
  // one predictor per tab session; the history lives in sessionStorage
  const predictor = new PagePredictor(weights, raw.pages as string[]);
  const history: string[] = JSON.parse(sessionStorage.getItem('nav-history') ?? '[]');
  history.push(location.pathname);
  sessionStorage.setItem('nav-history', JSON.stringify(history.slice(-50)));

  let guesses: string[] = [];
  for (const p of history.slice(-50)) guesses = predictor.visit(p);
  const idle = (window as Window & { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback;
  const run = () => guesses.filter((g) => g !== location.pathname).forEach(prefetch);
  if (idle) idle(run); else setTimeout(run, 200);
}
