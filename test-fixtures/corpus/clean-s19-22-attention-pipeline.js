// expect: none
// Attention decoder step built as a middleware pipeline; the encoder memory and padding mask ride along in the context.
const tf = require('@tensorflow/tfjs');

function pipeline(...stages) {
  return (ctx) => stages.reduce((acc, stage) => stage(acc), ctx);
}

function makeStages(p) {
  const attend = (ctx) => {
    const scores = tf.matMul(ctx.memory, ctx.h.expandDims(2)).squeeze([2]);
    const masked = scores.add(tf.sub(1, ctx.mask).mul(-1e9));
    const weights = tf.softmax(masked);
    const context = tf.matMul(weights.expandDims(1), ctx.memory).squeeze([1]);
    return { ...ctx, weights, context };
  };
  const update = (ctx) => {
    const pre = ctx.x.matMul(p.Wx).add(ctx.h.matMul(p.Wh)).add(ctx.context.matMul(p.Wc)).add(p.b);
    return { ...ctx, h: tf.tanh(pre) };
  };
  const emit = (ctx) => ({ ...ctx, logits: ctx.h.matMul(p.Wo) });
  return pipeline(attend, update, emit);
}

function initParams(inputDim, units, vocab, seed) {
  const s = seed || 131;
  return {
    Wx: tf.randomNormal([inputDim, units], 0, 0.3, 'float32', s),
    Wh: tf.randomNormal([units, units], 0, 0.3, 'float32', s + 1),
    Wc: tf.randomNormal([units, units], 0, 0.3, 'float32', s + 2),
    b: tf.zeros([units]),
    Wo: tf.randomNormal([units, vocab], 0, 0.3, 'float32', s + 3),
  };
}

// memory: [batch, srcLen, units], mask: [batch, srcLen] with 1 for real tokens
function decode(p, memory, mask, inputs) {
  const step = makeStages(p);
  return tf.tidy(() => {
    let ctx = { memory, mask, h: memory.mean(1), x: null };
    const logits = [];
    const attn = [];
    for (const x of inputs) {
      ctx = step({ ...ctx, x });
      logits.push(ctx.logits);
      attn.push(ctx.weights);
    }
    return { logits: tf.stack(logits, 1), attention: tf.stack(attn, 1), finalState: ctx.h };
  });
}

module.exports = { makeStages, initParams, decode };

if (require.main === module) {
  const p = initParams(4, 6, 10);
  const memory = tf.randomNormal([2, 5, 6], 0, 1, 'float32', 1);
  const mask = tf.tensor2d([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]]);
  const inputs = [0, 1, 2].map((i) => tf.fill([2, 4], 0.1 * (i + 1)));
  const { logits, attention } = decode(p, memory, mask, inputs);
  console.log('logits', logits.shape, 'attention on padding', attention.slice([0, 0, 3], [1, -1, 2]).sum().dataSync()[0]);
}
