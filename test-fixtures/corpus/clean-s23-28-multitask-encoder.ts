// expect: none
// Voice-assistant NLU: one shared GRU encoder with a per-token slot tagger and an attention-pooled intent classifier.
import * as tf from '@tensorflow/tfjs';

export interface NluConfig {
  vocabSize: number;
  maxLen: number;
  embDim: number;
  units: number;
  numIntents: number;
  numSlots: number;
}

export const defaultNlu: NluConfig = { vocabSize: 200, maxLen: 10, embDim: 16, units: 24, numIntents: 4, numSlots: 5 };

export function buildNluModel(cfg: NluConfig = defaultNlu): tf.LayersModel {
  const tokens = tf.input({ shape: [cfg.maxLen], dtype: 'int32', name: 'tokens' });
  const emb = tf.layers.embedding({ inputDim: cfg.vocabSize, outputDim: cfg.embDim }).apply(tokens) as tf.SymbolicTensor;
  const seq = tf.layers
    .gru({ units: cfg.units, returnSequences: true, activation: 'tanh', name: 'shared_gru' })
    .apply(emb) as tf.SymbolicTensor; // [b, T, units]

  // slot head: per-token softmax over a linear projection of the tanh GRU outputs
  const slots = tf.layers
    .timeDistributed({ layer: tf.layers.dense({ units: cfg.numSlots, activation: 'softmax' }), name: 'slots' })
    .apply(seq) as tf.SymbolicTensor;

  // attention pooling: score_t = v . tanh(W h_t), weights = softmax over time
  const proj = tf.layers.dense({ units: cfg.units, activation: 'tanh' }).apply(seq) as tf.SymbolicTensor;
  const scores = tf.layers.dense({ units: 1, useBias: false }).apply(proj) as tf.SymbolicTensor; // [b, T, 1]
  const flatScores = tf.layers.flatten().apply(scores) as tf.SymbolicTensor; // [b, T]
  const weights = tf.layers.softmax().apply(flatScores) as tf.SymbolicTensor;
  const pooled = tf.layers.dot({ axes: [1, 1] }).apply([weights, seq]) as tf.SymbolicTensor; // [b, units]
  const intent = tf.layers.dense({ units: cfg.numIntents, activation: 'softmax', name: 'intent' }).apply(pooled) as tf.SymbolicTensor;

  const model = tf.model({ inputs: tokens, outputs: [intent, slots] });
  const xent = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.metrics.categoricalCrossentropy(yTrue, yPred);
  model.compile({
    optimizer: tf.train.adam(0.01),
    // slot loss is averaged over time so both heads give one loss value per example
    loss: [xent, (yTrue: tf.Tensor, yPred: tf.Tensor) => xent(yTrue, yPred).mean(-1)],
  });
  return model;
}

/** Synthetic utterances: the intent id decides a keyword, slot tokens sit in the second half. */
export function makeData(n: number, cfg: NluConfig = defaultNlu) {
  const ids: number[][] = [];
  const intents: number[] = [];
  const slotTags: number[][] = [];
  for (let i = 0; i < n; i++) {
    const intent = i % cfg.numIntents;
    const row = Array.from({ length: cfg.maxLen }, (_, t) => 10 + ((i * 7 + t * 3) % (cfg.vocabSize - 10)));
    row[i % 3] = 1 + intent;
    const tags = row.map((_, t) => (t >= cfg.maxLen / 2 && t % 2 === 0 ? 1 + (intent % (cfg.numSlots - 1)) : 0));
    ids.push(row);
    intents.push(intent);
    slotTags.push(tags);
  }
  return {
    x: tf.tensor2d(ids, undefined, 'int32'),
    yIntent: tf.oneHot(tf.tensor1d(intents, 'int32'), cfg.numIntents),
    ySlots: tf.oneHot(tf.tensor2d(slotTags, undefined, 'int32'), cfg.numSlots),
  };
}

export async function trainAndParse(): Promise<void> {
  const model = buildNluModel();
  const { x, yIntent, ySlots } = makeData(64);
  const hist = await model.fit(x, [yIntent, ySlots], { epochs: 15, batchSize: 16, verbose: 0 });
  const losses = hist.history.loss as number[];
  console.log('loss', losses[0].toFixed(3), '->', losses[losses.length - 1].toFixed(3));

  const [intentP, slotP] = model.predict(x.slice([0, 0], [4, -1])) as tf.Tensor[];
  console.log('intents:', Array.from(intentP.argMax(-1).dataSync()).join(','));
  console.log('slots[0]:', Array.from(slotP.argMax(-1).dataSync()).slice(0, defaultNlu.maxLen).join(''));
  tf.dispose([x, yIntent, ySlots, intentP, slotP]);
}

if (require.main === module) {
  trainAndParse().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
