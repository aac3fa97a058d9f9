// expect: none
// Hand-unrolled bidirectional GRU tagger for NER: both directions start from the same zero tensor but each loop threads its own running state; per-token outputs are concatenated and the whole pass runs inside tf.variableGrads.
import * as tf from '@tensorflow/tfjs';

export function createTagger({ vocab, tags, emb = 50, units = 64 }) {
  const v = (s) => tf.variable(tf.randomNormal(s, 0, 0.05));
  const dir = () => ({ W: v([emb + units, 3 * units]), b: tf.variable(tf.zeros([3 * units])) });
  return { units, tags, E: v([vocab, emb]), fwd: dir(), bwd: dir(), Wt: v([2 * units, tags]) };
}

function gru(p, x, h, units) {
  const zr = tf.sigmoid(tf.concat([x, h], 1).matMul(p.W.slice([0, 0], [-1, 2 * units])).add(p.b.slice(0, 2 * units)));
  const z = zr.slice([0, 0], [-1, units]);
  const r = zr.slice([0, units], [-1, units]);
  const n = tf.tanh(tf.concat([x, r.mul(h)], 1).matMul(p.W.slice([0, 2 * units], [-1, units])).add(p.b.slice(2 * units)));
  return tf.sub(1, z).mul(h).add(z.mul(n));
}

function runDirection(p, embedded, h0, units, reverse) {
  const order = embedded.map((_, i) => i);
  if (reverse) order.reverse();
  const outputs = new Array(embedded.length);
  let h = h0;
  for (const i of order) {
    h = gru(p, embedded[i], h, units);
    outputs[i] = h;
  }
  return outputs;
}

export function tagLogits(model, tokenIds) {
  const embedded = tokenIds.map((id) => tf.gather(model.E, [id]));
  const zeros = tf.zeros([1, model.units]);
  const fwd = runDirection(model.fwd, embedded, zeros, model.units, false);
  const bwd = runDirection(model.bwd, embedded, zeros, model.units, true);
  const both = fwd.map((f, i) => tf.concat([f, bwd[i]], 1));
  return tf.concat(both, 0).matMul(model.Wt);
}

export async function train(model, sentences, { epochs = 5, lr = 0.01, log = console.log } = {}) {
  const optimizer = tf.train.adam(lr);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (const { tokens, labels } of sentences) {
      const { value, grads } = tf.variableGrads(() => {
        const logits = tagLogits(model, tokens);
        return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, model.tags), logits);
      });
      optimizer.applyGradients(grads);
      total += (await value.data())[0];
      tf.dispose([value, ...Object.values(grads)]);
    }
    log(`epoch ${epoch}: mean loss ${(total / sentences.length).toFixed(4)}`);
  }
}

export function predictTags(model, tokens, tagNames) {
  return tf.tidy(() => {
    const ids = tagLogits(model, tokens).argMax(1).arraySync();
    return ids.map((i) => tagNames[i]);
  });
}
