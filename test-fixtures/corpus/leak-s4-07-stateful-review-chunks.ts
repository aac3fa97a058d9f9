// expect: state-leak
// Long-review sentiment scorer with a stateful LSTM fed 50-token chunks; scoreReviews() walks every review's chunks through the same stateful model without resetting between reviews.
import * as tf from '@tensorflow/tfjs';

export interface ScorerConfig {
  vocabSize: number;
  chunkLen: number;
  embedDim?: number;
  units?: number;
  log?: (msg: string) => void;
}

export function buildStatefulScorer(cfg: ScorerConfig): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({
    inputDim: cfg.vocabSize,
    outputDim: cfg.embedDim ?? 64,
    batchInputShape: [1, cfg.chunkLen],
  }));
  model.add(tf.layers.lstm({ units: cfg.units ?? 64, stateful: true, returnSequences: false }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

function toChunks(tokens: number[], chunkLen: number): number[][] {
  const chunks: number[][] = [];
  for (let i = 0; i < tokens.length; i += chunkLen) {
    const chunk = tokens.slice(i, i + chunkLen);
    while (chunk.length < chunkLen) chunk.push(0);
    chunks.push(chunk);
  }
  return chunks;
}

export async function loadScorer(cfg: ScorerConfig, url: string): Promise<tf.LayersModel> {
  const trained = await tf.loadLayersModel(url);
  const model = buildStatefulScorer(cfg);
  model.setWeights(trained.getWeights());
  trained.dispose();
  cfg.log?.(`loaded ${model.countParams()} params from ${url}`);
  return model;
}

export async function scoreReviews(
  model: tf.LayersModel,
  reviews: Array<{ id: string; tokens: number[] }>,
  cfg: ScorerConfig,
): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  for (const review of reviews) {
    const chunks = toChunks(review.tokens, cfg.chunkLen);
    let score = 0.5;
    for (const chunk of chunks) {
      const x = tf.tensor2d([chunk], [1, cfg.chunkLen], 'int32');
      const y = model.predict(x) as tf.Tensor;
      score = (await y.data())[0];
      tf.dispose([x, y]);
    }
    scores.set(review.id, score);
    cfg.log?.(`${review.id}: ${chunks.length} chunks -> ${score.toFixed(3)}`);
  }
  return scores;
}

export async function runBatch(reviews: Array<{ id: string; tokens: number[] }>): Promise<void> {
  const cfg: ScorerConfig = { vocabSize: 20000, chunkLen: 50, log: (m) => reports.push(m) };
  const reports: string[] = [];
  const model = await loadScorer(cfg, 'https://example.org/models/review-lstm/model.json');
  const scores = await scoreReviews(model, reviews, cfg);
  const positive = [...scores.values()].filter((s) => s > 0.5).length;
  reports.push(`positive ${positive}/${scores.size}`);
  model.dispose();
}
