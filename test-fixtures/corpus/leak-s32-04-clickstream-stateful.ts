// expect: state-leak
// Next-action model for shop clickstreams: a stateful LSTM trained per session, then scored step by step per user.
import * as tf from '@tensorflow/tfjs';

const ACTIONS = ['view', 'search', 'cart', 'checkout', 'leave'];
const N = ACTIONS.length;

interface Session {
  userId: string;
  events: number[];
}

function randomSession(userId: string): Session {
  const events: number[] = [0];
  while (events.length < 12) {
    const last = events[events.length - 1];
    const next = last === 2 && Math.random() < 0.6 ? 3 : Math.floor(Math.random() * (N - 1));
    events.push(next);
    if (next === 3) break;
  }
  events.push(4);
  return { userId, events };
}

function oneHot(ids: number[]): tf.Tensor3D {
  return tf.tidy(() => tf.oneHot(tf.tensor1d(ids, 'int32'), N).toFloat().expandDims(0) as tf.Tensor3D);
}

export function buildModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, stateful: true, returnSequences: true, batchInputShape: [1, null, N] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: N, activation: 'softmax' }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function trainOnSessions(model: tf.LayersModel, sessions: Session[], epochs: number): Promise<void> {
  for (let epoch = 0; epoch < epochs; epoch++) {
    let loss = 0;
    for (const s of sessions) {
      const xs = oneHot(s.events.slice(0, -1));
      const ys = oneHot(s.events.slice(1));
      const h = await model.fit(xs, ys, { batchSize: 1, epochs: 1, shuffle: false, verbose: 0 });
      loss += h.history.loss[0] as number;
      model.resetStates();
      tf.dispose([xs, ys]);
    }
    console.log(`epoch ${epoch + 1}: mean session loss ${(loss / sessions.length).toFixed(4)}`);
  }
}

export function scoreUsers(model: tf.LayersModel, sessions: Session[]): Map<string, number[]> {
  const checkoutProb = new Map<string, number[]>();
  for (const session of sessions) {
    const probs: number[] = [];
    for (const action of session.events) {
      const p = tf.tidy(() => {
        const out = model.predict(oneHot([action])) as tf.Tensor3D;
        return out.reshape([N]).dataSync()[3];
      });
      probs.push(p);
    }
    checkoutProb.set(session.userId, probs);
  }
  return checkoutProb;
}

async function main(): Promise<void> {
  const train = Array.from({ length: 40 }, (_, i) => randomSession(`train-${i}`));
  const holdout = Array.from({ length: 5 }, (_, i) => randomSession(`user-${i}`));
  const model = buildModel();
  await trainOnSessions(model, train, 3);
  const scores = scoreUsers(model, holdout);
  scores.forEach((probs, user) => {
    const peak = Math.max(...probs);
    console.log(`${user}: peak checkout probability ${peak.toFixed(3)} over ${probs.length} events`);
  });
}

if (require.main === module) {
  main();
}
