// State carried from one sequence into the next without a reset.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const Wx = tf.variable(tf.randomNormal([8, H], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.05));
const head = tf.layers.dense({ units: 4, activation: 'softmax' });

function step(frame: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(frame, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// The article's speech example: the state is never cleared between utterances.
export function classifyUtterances(utterances: tf.Tensor2D[][]): number[] {
  const labels: number[] = [];
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (const utterance of utterances) {
    for (const frame of utterance) {
      h = step(frame, h);
//                    ~ state-leak
    }
    labels.push((head.apply(h) as tf.Tensor).argMax(1).dataSync()[0]!);
  }
  return labels;
}

// Epochs of training data, each a list of sequences: the LSTM state runs across all of them.
const cell = tf.layers.lstmCell({ units: H });
cell.build([null, 8]);

export function evaluate(epochs: number, batches: { steps: tf.Tensor2D[] }[]): tf.Tensor {
  let state: tf.Tensor = tf.zeros([1, H]);
  let carry: tf.Tensor = tf.zeros([1, H]);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of batches) {
      for (let t = 0; t < batch.steps.length; t++) {
        [, state, carry] = cell.call([batch.steps[t]!, state, carry], {}) as tf.Tensor[];
//                                                     ~~~~~ state-leak
//                                                            ~~~~~ state-leak
      }
    }
  }
  return state;
}

// A stateful LSTM scoring independent reviews: the state of one review flows into the next.
const model = tf.sequential();
model.add(tf.layers.lstm({ units: 24, stateful: true, batchInputShape: [1, 20, 8] }));
model.add(tf.layers.dense({ units: 1 }));

export function scoreReviews(reviews: tf.Tensor3D[]): number[] {
  const scores: number[] = [];
  for (const review of reviews) {
    const y = model.predict(review) as tf.Tensor;
//            ~~~~~~~~~~~~~~~~~~~~~ state-leak
    scores.push(y.dataSync()[0]!);
  }
  return scores;
}

// A stateful GRU trained epoch after epoch: each epoch starts where the last one ended.
export async function train(xs: tf.Tensor3D, ys: tf.Tensor2D, epochs: number): Promise<tf.Sequential> {
  const net = tf.sequential();
  net.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [4, 10, 8] }));
  net.add(tf.layers.dense({ units: 1 }));
  net.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  for (let e = 0; e < epochs; e++) {
    await net.fit(xs, ys, { epochs: 1, batchSize: 4, shuffle: false });
//        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
  }
  return net;
}

// resetStates() once before the loop is not once per melody.
export function scoreMelodies(scorer: tf.Sequential, melodies: tf.Tensor3D[]): number[] {
  scorer.resetStates();
  return melodies.map((melody) => (scorer.predict(melody) as tf.Tensor).dataSync()[0]!);
//                                 ~~~~~~~~~~~~~~~~~~~~~~ state-leak
}

// A method that encodes a whole sentence continues from the previous sentence's state.
export class SentenceEncoder {
  private h: tf.Tensor2D = tf.zeros([1, H]);

  private step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
  }

  encode(sentence: tf.Tensor2D[]): tf.Tensor2D {
    for (const word of sentence) {
      this.h = this.step(word, this.h);
//                             ~~~~~~ state-leak
    }
    return this.h;
  }
}

// Looks like the per-epoch reset of consecutive batches, but each iteration is an independent
// sentence: the reset belongs inside the inner loop.
const tagger = tf.sequential();
tagger.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 12, 4] }));
tagger.add(tf.layers.dense({ units: 3 }));

export async function trainTagger(sentences: { x: tf.Tensor3D; y: tf.Tensor2D }[], epochs: number): Promise<void> {
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const sentence of sentences) {
      await tagger.trainOnBatch(sentence.x, sentence.y);
//          ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
    }
    tagger.resetStates();
  }
}


// The state kept in a member of a local object: one session's state flows into the next.
export function sessionStates(sessions: { id: string; frames: tf.Tensor2D[] }[]): Map<string, tf.Tensor2D> {
  const out = new Map<string, tf.Tensor2D>();
  const st = { h: tf.zeros([1, H]) as tf.Tensor2D, seen: 0 };
  for (const session of sessions) {
    for (const f of session.frames) {
      st.h = step(f, st.h);
//                   ~~~~ state-leak
      st.seen++;
    }
    out.set(session.id, st.h);
  }
  return out;
}
