// Correct unrolls without a loop statement that look like the functional stale-state bugs.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wc = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

function attendStep(x: tf.Tensor2D, h: tf.Tensor2D, context: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(tf.matMul(context, Wc))) as tf.Tensor2D;
}

function lstm(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const c2 = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))).add(c) as tf.Tensor2D;
  return [tf.tanh(c2) as tf.Tensor2D, c2];
}

// The reducer returns the new state in its accumulator.
export function carried(frames: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  return frames.reduce(
    ({ h, outs }: { h: tf.Tensor2D; outs: tf.Tensor2D[] }, x) => {
      const hNext = step(x, h);
      return { h: hNext, outs: [...outs, hNext] };
    },
    { h: h0, outs: [] as tf.Tensor2D[] },
  ).outs;
}

// Spread first, then the new state under its key: the key wins.
export function spreadThenKey(frames: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  return frames.reduce((acc, x) => ({ ...acc, h: step(x, acc.h) }), { h: h0, n: 0 }).h;
}

// The accumulator is updated in place and returned.
export function mutated(frames: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  const acc = frames.reduce((acc, x) => {
    acc.h = step(x, acc.h);
    return acc;
  }, { h: h0 });
  return acc.h;
}

// The reducer returns the cell's own result.
export function tupleFromCell(frames: tf.Tensor2D[], h0: tf.Tensor2D, c0: tf.Tensor2D): tf.Tensor2D {
  return frames.reduce<[tf.Tensor2D, tf.Tensor2D]>(([h, c], x) => lstm(x, h, c), [h0, c0])[0];
}

// A context handed on unchanged on purpose; the state is carried.
export function withContext(frames: tf.Tensor2D[], h0: tf.Tensor2D, ctx: tf.Tensor2D): tf.Tensor2D {
  return frames.reduce(({ context, h }, x) => ({ context, h: attendStep(x, h, context) }), { context: ctx, h: h0 }).h;
}

// Early exit keeps the state, the step path returns the new one.
export function earlyExit(frames: tf.Tensor2D[], h0: tf.Tensor2D, mask: boolean[]): tf.Tensor2D {
  return frames.reduce(([h, t], x) => {
    if (!mask[t]) return [h, t + 1] as [tf.Tensor2D, number];
    return [step(x, h), t + 1] as [tf.Tensor2D, number];
  }, [h0, 0] as [tf.Tensor2D, number])[0];
}

interface TokenNode { x: tf.Tensor2D; next: TokenNode | null }
interface TreeNode { x: tf.Tensor2D; children: TreeNode[] }

// Recursion that passes the new state on.
export function unroll(node: TokenNode | null, h: tf.Tensor2D, acc: tf.Tensor2D[] = []): tf.Tensor2D[] {
  if (node === null) return acc;
  const hNext = step(node.x, h);
  acc.push(hNext);
  return unroll(node.next, hNext, acc);
}

// A skipped token passes the state on unchanged; a real one passes the new state.
export function unrollSkipping(node: TokenNode | null, h: tf.Tensor2D, skip: Set<TokenNode>): tf.Tensor2D {
  if (node === null) return h;
  if (skip.has(node)) return unrollSkipping(node.next, h, skip);
  const hNext = step(node.x, h);
  return unrollSkipping(node.next, hNext, skip);
}

// Bottom-up tree encoder: children first, the incoming state is a context every child shares.
export function encodeTree(node: TreeNode, hidden: tf.Tensor2D): tf.Tensor2D {
  const kids = node.children.map((child) => encodeTree(child, hidden));
  const summed = kids.length > 0 ? tf.addN(kids) as tf.Tensor2D : tf.zerosLike(hidden);
  const hiddenNext = attendStep(node.x, summed, hidden);
  return hiddenNext;
}

// Top-down: every child starts from the parent's new state.
export function decodeTree(node: TreeNode, h: tf.Tensor2D, out: tf.Tensor2D[]): void {
  const hNew = step(node.x, h);
  out.push(hNew);
  for (const child of node.children) decodeTree(child, hNew, out);
}

// The recursion passes the state on unchanged and computes only a readout from it.
export function scoreAll(nodes: TokenNode[], i: number, h: tf.Tensor2D, scores: tf.Tensor[]): tf.Tensor[] {
  if (i >= nodes.length) return scores;
  const score = tf.sum(tf.mul(tf.matMul(nodes[i]!.x, Wx), h));
  scores.push(score);
  return scoreAll(nodes, i + 1, h, scores);
}

// A step known by its state members, carried correctly.
interface LstmState { h: tf.Tensor2D; c: tf.Tensor2D }

function lstmStep(x: tf.Tensor2D, s: LstmState): LstmState {
  const c = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(s.h, Wh))).add(s.c) as tf.Tensor2D;
  return { h: tf.tanh(c) as tf.Tensor2D, c };
}

export function trackCarried(frames: tf.Tensor2D[], s0: LstmState): LstmState {
  let s = s0;
  for (const x of frames) s = lstmStep(x, s);
  return s;
}

// An options object with no state members, passed unchanged every step.
interface StepOptions { rate: number; training: boolean }

function noisyStep(x: tf.Tensor2D, h: tf.Tensor2D, opts: StepOptions): tf.Tensor2D {
  return opts.training ? tf.dropout(step(x, h), opts.rate) as tf.Tensor2D : step(x, h);
}

export function runWithOptions(frames: tf.Tensor2D[], h0: tf.Tensor2D, opts: StepOptions): tf.Tensor2D {
  let h = h0;
  for (const x of frames) h = noisyStep(x, h, opts);
  return h;
}

// A helper that unrolls a whole chunk itself, started from zeros for every chunk: a reset per chunk.
function runSequence(xs: tf.Tensor2D[], hPrev: tf.Tensor2D): tf.Tensor2D[] {
  const states: tf.Tensor2D[] = [];
  let h = hPrev;
  for (const x of xs) {
    h = step(x, h);
    states.push(h);
  }
  return states;
}

export function perChunk(chunks: tf.Tensor2D[][]): tf.Tensor2D[][] {
  const out: tf.Tensor2D[][] = [];
  for (let p = 0; p < chunks.length; p++) {
    const h0 = tf.zeros([1, H]) as tf.Tensor2D;
    out.push(runSequence(chunks[p]!, h0));
  }
  return out;
}
