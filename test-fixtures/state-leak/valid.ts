// Correct code that looks like a leak: resets per sequence, truncated BPTT, stateful generation.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const Wx = tf.variable(tf.randomNormal([8, H], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.05));
const Wo = tf.variable(tf.randomNormal([H, 1], 0, 0.05));
const head = tf.layers.dense({ units: 4, activation: 'softmax' });
const optimizer = tf.train.adam(0.01);

function step(frame: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(frame, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// The state is re-initialised for every utterance.
export function classifyUtterances(utterances: tf.Tensor2D[][]): number[] {
  const labels: number[] = [];
  for (const utterance of utterances) {
    let h: tf.Tensor2D = tf.zeros([1, H]);
    for (const frame of utterance) h = step(frame, h);
    labels.push((head.apply(h) as tf.Tensor).argMax(1).dataSync()[0]!);
  }
  return labels;
}

// Declared outside, but reset at the top of each batch.
const cell = tf.layers.lstmCell({ units: H });
cell.build([null, 8]);

export function evaluate(batches: { steps: tf.Tensor2D[] }[]): tf.Tensor[] {
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  const finals: tf.Tensor[] = [];
  for (const batch of batches) {
    h = tf.zerosLike(h);
    c = tf.zerosLike(c);
    for (let t = 0; t < batch.steps.length; t++) {
      [, h, c] = cell.call([batch.steps[t]!, h, c], {}) as tf.Tensor[];
    }
    finals.push(h);
  }
  return finals;
}

// Truncated BPTT over the chunks of ONE long series: the state is carried on purpose and kept.
export function trainTbptt(series: tf.Tensor2D[], targets: tf.Tensor2D[], chunkLen: number): void {
  let carried: tf.Tensor2D = tf.zeros([1, H]);
  for (let start = 0; start < series.length; start += chunkLen) {
    const end = Math.min(start + chunkLen, series.length);
    let last: tf.Tensor2D | null = null;
    optimizer.minimize(() => {
      let h = carried;
      let loss = tf.scalar(0);
      for (let t = start; t < end; t++) {
        h = step(series[t]!, h);
        loss = loss.add(tf.losses.meanSquaredError(targets[t]!, tf.matMul(h, Wo)));
      }
      last = tf.keep(h);
      return loss.div(end - start) as tf.Scalar;
    });
    carried.dispose();
    carried = last!;
  }
}

// A stateful LSTM reset before each review.
const scorer = tf.sequential();
scorer.add(tf.layers.lstm({ units: 24, stateful: true, batchInputShape: [1, 20, 8] }));
scorer.add(tf.layers.dense({ units: 1 }));

export function scoreReviews(reviews: tf.Tensor3D[]): number[] {
  return reviews.map((review) => {
    scorer.resetStates();
    return (scorer.predict(review) as tf.Tensor).dataSync()[0]!;
  });
}

// A stateful LSTM fed one character at a time while generating ONE sequence: the state must carry.
const vocab = 40;
const charModel = tf.sequential();
charModel.add(tf.layers.lstm({ units: 64, stateful: true, batchInputShape: [1, 1, vocab] }));
charModel.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));

export function generate(seedId: number, length: number): number[] {
  charModel.resetStates();
  const ids: number[] = [seedId];
  let current = seedId;
  for (let i = 0; i < length; i++) {
    const x = tf.oneHot([current], vocab).toFloat().reshape([1, 1, vocab]);
    const probs = charModel.predict(x) as tf.Tensor2D;
    current = probs.argMax(-1).dataSync()[0]!;
    ids.push(current);
    tf.dispose([x, probs]);
  }
  return ids;
}

// A class that resets its state at the start of every sequence.
export class SentenceEncoder {
  private h: tf.Tensor2D = tf.zeros([1, H]);

  private step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
  }

  encode(sentence: tf.Tensor2D[]): tf.Tensor2D {
    this.h = tf.zeros([1, H]);
    for (const word of sentence) {
      this.h = this.step(word, this.h);
    }
    return this.h;
  }
}

// A streaming cell: `feed` continues the stream on purpose; `reset` is there for new streams.
export class StreamingCell {
  private state: tf.Tensor2D = tf.zeros([1, H]);

  reset(): void {
    this.state = tf.zeros([1, H]);
  }

  feed(frames: tf.Tensor2D[]): tf.Tensor2D {
    for (const frame of frames) this.state = step(frame, this.state);
    return this.state;
  }
}

// An object reset at the start of every dialog, and one made fresh per dialog.
export class Bot {
  private memory: tf.Tensor = tf.zeros([1, H]);

  constructor(private readonly gru: tf.layers.RNNCell) {}

  reset(): void {
    this.memory = tf.zeros([1, H]);
  }

  hear(utterance: tf.Tensor2D): tf.Tensor {
    const [reply, next] = this.gru.call([utterance, this.memory], {}) as tf.Tensor[];
    this.memory = next!;
    return reply!;
  }
}

export function replayDialogs(bot: Bot, dialogs: tf.Tensor2D[][]): tf.Tensor[] {
  const replies: tf.Tensor[] = [];
  for (const dialog of dialogs) {
    bot.reset();
    for (const utterance of dialog) replies.push(bot.hear(utterance));
  }
  return replies;
}

export function replayFresh(gru: tf.layers.RNNCell, dialogs: tf.Tensor2D[][]): tf.Tensor[] {
  const replies: tf.Tensor[] = [];
  for (const dialog of dialogs) {
    const bot = new Bot(gru);
    for (const utterance of dialog) replies.push(bot.hear(utterance));
  }
  return replies;
}

// A tf.Variable state zeroed with assign() for every patient.
const hv = tf.variable(tf.zeros([1, H]), false);

export function riskScores(patients: { visits: tf.Tensor2D[] }[]): number[] {
  const scores: number[] = [];
  for (const patient of patients) {
    hv.assign(tf.zerosLike(hv));
    for (const visit of patient.visits) {
      hv.assign(tf.tanh(tf.matMul(visit, Wx).add(tf.matMul(hv, Wh))) as tf.Tensor2D);
    }
    scores.push(tf.sigmoid(tf.matMul(hv, Wo)).dataSync()[0]!);
  }
  return scores;
}

// Stateful training on one long series cut into consecutive batches: the state flows from batch to
// batch and is reset once per epoch, the documented way to train a stateful model.
const seriesNet = tf.sequential();
seriesNet.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 10, 1] }));
seriesNet.add(tf.layers.dense({ units: 1 }));

export async function trainOnSeries(consecutiveBatches: { x: tf.Tensor3D; y: tf.Tensor2D }[], epochs: number): Promise<void> {
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of consecutiveBatches) {
      await seriesNet.trainOnBatch(batch.x, batch.y);
    }
    seriesNet.resetStates();
  }
}

// The state kept in a member of a local object, reset for each session (the member, or the whole object).
export function sessionStates(sessions: { id: string; frames: tf.Tensor2D[] }[]): Map<string, tf.Tensor2D> {
  const out = new Map<string, tf.Tensor2D>();
  const st = { h: tf.zeros([1, H]) as tf.Tensor2D };
  for (const session of sessions) {
    st.h = tf.zeros([1, H]);
    for (const f of session.frames) st.h = step(f, st.h);
    out.set(session.id, st.h);
  }
  return out;
}

export function sessionStatesFreshObject(sessions: { id: string; frames: tf.Tensor2D[] }[]): tf.Tensor2D[] {
  return sessions.map((session) => {
    const st = { h: tf.zeros([1, H]) as tf.Tensor2D };
    for (const f of session.frames) st.h = step(f, st.h);
    return st.h;
  });
}

export function sessionStatesReplaced(sessions: { id: string; frames: tf.Tensor2D[] }[]): tf.Tensor2D[] {
  const finals: tf.Tensor2D[] = [];
  let st = { h: tf.zeros([1, H]) as tf.Tensor2D };
  for (const session of sessions) {
    st = { h: tf.zeros([1, H]) as tf.Tensor2D };
    for (const f of session.frames) st.h = step(f, st.h);
    finals.push(st.h);
  }
  return finals;
}
