// expect: none
// Inference-only text generation with a trained GRU: sampling reads logits via dataSync() every step (no gradients involved), the state is returned from each tidy and carried, and each prompt starts from zeros.
const tf = require('@tensorflow/tfjs');

/**
 * @param {{ emb: number[][], W: number[][], U: number[][], b: number[], Wo: number[][], bo: number[] }} json
 */
function loadGenerator(json) {
  const p = {
    emb: tf.tensor2d(json.emb),
    W: tf.tensor2d(json.W),
    U: tf.tensor2d(json.U),
    b: tf.tensor1d(json.b),
    Wo: tf.tensor2d(json.Wo),
    bo: tf.tensor1d(json.bo),
  };
  const units = json.U.length;

  /** @returns {{ h: tf.Tensor2D, logits: tf.Tensor2D }} */
  function step(id, h) {
    return tf.tidy(() => {
      const x = tf.gather(p.emb, [id]);
      const [xz, xr, xn] = tf.split(x.matMul(p.W).add(p.b), 3, 1);
      const [hz, hr, hn] = tf.split(h.matMul(p.U), 3, 1);
      const z = xz.add(hz).sigmoid();
      const r = xr.add(hr).sigmoid();
      const n = xn.add(r.mul(hn)).tanh();
      const hNew = z.mul(h).add(tf.onesLike(z).sub(z).mul(n));
      return { h: hNew, logits: hNew.matMul(p.Wo).add(p.bo) };
    });
  }

  function sampleFrom(logits, temperature) {
    const values = logits.dataSync();
    const scaled = Array.from(values, (v) => v / temperature);
    const max = Math.max(...scaled);
    const exps = scaled.map((v) => Math.exp(v - max));
    const total = exps.reduce((a, b) => a + b, 0);
    let r = Math.random() * total;
    for (let i = 0; i < exps.length; i++) {
      r -= exps[i];
      if (r <= 0) return i;
    }
    return exps.length - 1;
  }

  /** @param {number[]} prompt @param {number} length */
  function generate(prompt, length, temperature = 0.9) {
    let h = tf.zeros([1, units]);
    let logits = null;
    for (const id of prompt) {
      const out = step(id, h);
      h.dispose();
      if (logits) logits.dispose();
      h = out.h;
      logits = out.logits;
    }
    const result = [];
    for (let i = 0; i < length; i++) {
      const id = sampleFrom(logits, temperature);
      result.push(id);
      const out = step(id, h);
      tf.dispose([h, logits]);
      h = out.h;
      logits = out.logits;
    }
    tf.dispose([h, logits]);
    return result;
  }

  return { generate, dispose: () => tf.dispose(Object.values(p)) };
}

function randomJson(vocab, dim, units) {
  const m = (r, c) => Array.from({ length: r }, () => Array.from({ length: c }, () => (Math.random() - 0.5) * 0.5));
  return { emb: m(vocab, dim), W: m(dim, 3 * units), U: m(units, 3 * units), b: new Array(3 * units).fill(0), Wo: m(units, vocab), bo: new Array(vocab).fill(0) };
}

if (require.main === module) {
  tf.setBackend('cpu').then(() => {
    const gen = loadGenerator(randomJson(12, 6, 10));
    console.log(gen.generate([1, 2, 3], 8).join(' '));
    console.log(gen.generate([4], 8).join(' '));
    gen.dispose();
    console.log('live tensors', tf.memory().numTensors);
  });
}

module.exports = { loadGenerator };
