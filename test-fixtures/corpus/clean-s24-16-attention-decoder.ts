// expect: none
// Date-format translator decoder: additive attention over encoder outputs, one GRU-style step per generated character.
import * as tf from '@tensorflow/tfjs';

export type DecoderStep = { logits: tf.Tensor2D; h: tf.Tensor2D; weights: tf.Tensor2D };

export class AttentionDecoder<const Alphabet extends readonly string[] = readonly string[]> {
  readonly #p: Record<'emb' | 'wq' | 'wk' | 'v' | 'wx' | 'wc' | 'wh' | 'wo', tf.Tensor2D>;

  constructor(readonly alphabet: Alphabet, readonly units = 16, readonly encUnits = 16, seed = 9) {
    const r = (a: number, b: number) => tf.randomNormal([a, b], 0, 0.3, 'float32', seed++) as tf.Tensor2D;
    this.#p = {
      emb: r(alphabet.length, 8),
      wq: r(units, units), wk: r(encUnits, units), v: r(units, 1),
      wx: r(8, units), wc: r(encUnits, units), wh: r(units, units),
      wo: r(units + encUnits, alphabet.length),
    };
  }

  /** encOut: [T, encUnits], mask: [T] with 1 for real positions. Both stay fixed for the whole decode. */
  step(prevId: number, h: tf.Tensor2D, encOut: tf.Tensor2D, mask: tf.Tensor1D): DecoderStep {
    const { emb, wq, wk, v, wx, wc, wh, wo } = this.#p;
    const energies = tf.tanh(tf.add(encOut.matMul(wk), h.matMul(wq))).matMul(v).reshape([-1]);
    const masked = tf.where(mask.cast('bool'), energies, tf.fill(energies.shape, -1e9));
    const weights = tf.softmax(masked).reshape([1, -1]) as tf.Tensor2D;
    const context = weights.matMul(encOut) as tf.Tensor2D; // [1, encUnits]

    const x = tf.gather(emb, [prevId]) as tf.Tensor2D;
    const z = tf.sigmoid(tf.addN([x.matMul(wx), context.matMul(wc), h.matMul(wh)]));
    const cand = tf.tanh(tf.addN([x.matMul(wx), context.matMul(wc), tf.mul(z, h).matMul(wh)]));
    const hNext = tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, cand)) as tf.Tensor2D;
    const logits = tf.concat([hNext, context], 1).matMul(wo) as tf.Tensor2D;
    return { logits, h: hNext, weights };
  }

  decode(encOut: tf.Tensor2D, mask: tf.Tensor1D, maxLen = 10): { text: string; attention: number[][] } {
    return tf.tidy(() => {
      let h = encOut.mean(0, true).matMul(tf.eye(this.encUnits, this.units)) as tf.Tensor2D;
      let prev = 0;
      const chars: string[] = [];
      const attention: number[][] = [];
      for (let t = 0; t < maxLen; t++) {
        const out = this.step(prev, h, encOut, mask);
        h = out.h;
        prev = out.logits.argMax(1).dataSync()[0] ?? 0;
        attention.push(Array.from(out.weights.dataSync()));
        if (prev === 0) break;
        chars.push(this.alphabet[prev] ?? '?');
      }
      return { text: chars.join(''), attention };
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dec = new AttentionDecoder(['<eos>', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-'] as const);
  const T = 7;
  const encOut = tf.randomNormal([T, dec.encUnits], 0, 1, 'float32', 2) as tf.Tensor2D;
  const mask = tf.tensor1d([1, 1, 1, 1, 1, 0, 0]);
  const { text, attention } = dec.decode(encOut, mask);
  console.log('decoded:', JSON.stringify(text));
  console.log('weight on padding:', attention.map((w) => (w.at(-1)! + w.at(-2)!).toExponential(1)).join(' '));
  console.log('first vs last step attention differ:', attention[0]?.join() !== attention.at(-1)?.join());
  tf.dispose([encOut, mask]);
}
