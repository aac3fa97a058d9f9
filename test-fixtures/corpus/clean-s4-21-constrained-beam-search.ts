// expect: none
// Trie-constrained beam search over a GRU language model for command completion; each beam expands all allowed tokens from its own stored state, and every child hypothesis keeps the state produced for it.
import * as tf from '@tensorflow/tfjs';

export interface LmStep {
  (token: number, h: tf.Tensor2D): { logProbs: tf.Tensor1D; h: tf.Tensor2D };
}

interface TrieNode { children: Map<number, TrieNode>; terminal: boolean }

interface Hypothesis {
  tokens: number[];
  score: number;
  node: TrieNode;
  h: tf.Tensor2D;
  nextLogProbs: Float32Array;
}

export function buildTrie(commands: number[][]): TrieNode {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const cmd of commands) {
    let node = root;
    for (const tok of cmd) {
      if (!node.children.has(tok)) node.children.set(tok, { children: new Map(), terminal: false });
      node = node.children.get(tok)!;
    }
    node.terminal = true;
  }
  return root;
}

export function beamComplete(
  step: LmStep, h0: tf.Tensor2D, bos: number, trie: TrieNode,
  { beamWidth = 4, maxLen = 12, lengthPenalty = 0.7 } = {},
): Array<{ tokens: number[]; score: number }> {
  const first = tf.tidy(() => {
    const r = step(bos, h0);
    return { h: tf.keep(r.h), lp: r.logProbs.dataSync() as Float32Array };
  });
  let beams: Hypothesis[] = [{ tokens: [], score: 0, node: trie, h: first.h, nextLogProbs: first.lp }];
  const finished: Array<{ tokens: number[]; score: number }> = [];

  for (let len = 0; len < maxLen && beams.length > 0; len++) {
    const children: Hypothesis[] = [];
    for (const beam of beams) {
      for (const [tok, child] of beam.node.children) {
        const res = tf.tidy(() => {
          const r = step(tok, beam.h);
          return { h: tf.keep(r.h), lp: r.logProbs.dataSync() as Float32Array };
        });
        children.push({
          tokens: [...beam.tokens, tok],
          score: beam.score + beam.nextLogProbs[tok],
          node: child,
          h: res.h,
          nextLogProbs: res.lp,
        });
      }
    }
    beams.forEach((b) => b.h.dispose());
    children.sort((a, b) => b.score - a.score);
    const keep = children.slice(0, beamWidth);
    children.slice(beamWidth).forEach((c) => c.h.dispose());
    beams = [];
    for (const hyp of keep) {
      if (hyp.node.terminal) {
        finished.push({ tokens: hyp.tokens, score: hyp.score / Math.pow(hyp.tokens.length, lengthPenalty) });
      }
      if (hyp.node.children.size > 0) beams.push(hyp);
      else hyp.h.dispose();
    }
  }
  beams.forEach((b) => b.h.dispose());
  return finished.sort((a, b) => b.score - a.score).slice(0, beamWidth);
}
