// expect: none
// Greedy summariser decoder: a generator yields one token at a time from an RNN decoder that attends over fixed encoder memory.
import * as tf from '@tensorflow/tfjs';

export interface DecoderParams {
  embed: tf.Tensor2D;   // [vocab, E]
  Wx: tf.Tensor2D;      // [E + M, H]
  Wh: tf.Tensor2D;      // [H, H]
  b: tf.Tensor1D;       // [H]
  Wq: tf.Tensor2D;      // [H, M]
  Wout: tf.Tensor2D;    // [H + M, vocab]
}

function attend(memory: tf.Tensor2D, query: tf.Tensor2D, Wq: tf.Tensor2D): tf.Tensor2D {
  // memory: [T, M], query: [1, H]
  const q = query.matMul(Wq);                        // [1, M]
  const scores = memory.matMul(q, false, true);      // [T, 1]
  const weights = tf.softmax(scores.transpose());    // [1, T]
  return weights.matMul(memory) as tf.Tensor2D;      // [1, M]
}

function decoderStep(
  p: DecoderParams,
  token: number,
  h: tf.Tensor2D,
  memory: tf.Tensor2D,
  context: tf.Tensor2D,
): { logits: tf.Tensor2D; h: tf.Tensor2D; context: tf.Tensor2D } {
  const e = tf.gather(p.embed, [token]) as tf.Tensor2D;
  const x = tf.concat([e, context], 1);
  const hNew = tf.tanh(x.matMul(p.Wx).add(h.matMul(p.Wh)).add<tf.Tensor2D>(p.b));
  const ctxNew = attend(memory, hNew, p.Wq);
  const logits = tf.concat([hNew, ctxNew], 1).matMul(p.Wout) as tf.Tensor2D;
  return { logits, h: hNew, context: ctxNew };
}

export function* greedyDecode(
  p: DecoderParams,
  memory: tf.Tensor2D,
  encoderFinal: tf.Tensor2D,
  bos: number,
  eos: number,
  maxLen = 40,
): Generator<number, void, undefined> {
  let h = tf.keep(encoderFinal.clone());
  let context = tf.keep(memory.mean(0, true) as tf.Tensor2D);
  let token = bos;
  try {
    for (let t = 0; t < maxLen; t++) {
      const out = tf.tidy(() => {
        const s = decoderStep(p, token, h, memory, context);
        return { next: s.logits.argMax(1), h: s.h, context: s.context };
      });
      h.dispose();
      context.dispose();
      h = out.h;
      context = out.context;
      token = out.next.dataSync()[0];
      out.next.dispose();
      if (token === eos) return;
      yield token;
    }
  } finally {
    h.dispose();
    context.dispose();
  }
}

export function summarise(p: DecoderParams, memory: tf.Tensor2D, final: tf.Tensor2D, vocab: string[]): string {
  const words: string[] = [];
  for (const id of greedyDecode(p, memory, final, 1, 2)) words.push(vocab[id] ?? '<unk>');
  return words.join(' ');
}
