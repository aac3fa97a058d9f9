// expect: stale-state
// Worker that scans a support chat transcript and scores how likely the conversation is to escalate after each message.
import * as tf from '@tensorflow/tfjs';
import { parentPort, workerData } from 'node:worker_threads';

const DIM = 128; // sentence-embedding size produced upstream
const HIDDEN = 48;

function createCell(w) {
  return (x, state) =>
    tf.tidy(() => {
      const z = tf.sigmoid(tf.matMul(x, w.Wz).add(tf.matMul(state, w.Uz)).add(w.bz));
      const cand = tf.tanh(tf.matMul(x, w.Wc).add(tf.matMul(state, w.Uc)).add(w.bc));
      const next = z.mul(cand).add(tf.onesLike(z).sub(z).mul(state));
      const score = tf.sigmoid(tf.matMul(next, w.Wy).add(w.by));
      return [score, next];
    });
}

function roleVector(role) {
  return role === 'agent' ? [1, 0] : role === 'customer' ? [0, 1] : [0, 0];
}

function toInput(msg) {
  return tf.tensor2d([[...msg.embedding, ...roleVector(msg.role)]], [1, DIM + 2]);
}

function scanTranscript(cell, messages) {
  const initialState = tf.zeros([1, HIDDEN]);
  const result = messages.reduce(
    (acc, msg) => {
      const x = toInput(msg);
      const [score, h] = cell(x, initialState);
      x.dispose();
      if (acc.state !== initialState) acc.state.dispose();
      acc.state = h;
      acc.scores.push({ id: msg.id, at: msg.ts, score: score.dataSync()[0] });
      score.dispose();
      return acc;
    },
    { scores: [], state: initialState },
  );
  if (result.state !== initialState) result.state.dispose();
  initialState.dispose();
  return result.scores;
}

function firstCrossing(scores, threshold) {
  const hit = scores.find((s) => s.score >= threshold);
  return hit ? { messageId: hit.id, at: hit.at } : null;
}

async function loadWeights(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`weights: HTTP ${res.status}`);
  const json = await res.json();
  return Object.fromEntries(Object.entries(json).map(([k, { shape, data }]) => [k, tf.tensor(data, shape)]));
}

const weightsReady = loadWeights(workerData.weightsUrl).then(createCell);

parentPort.on('message', (job) => {
  weightsReady
    .then((cell) => {
      const scores = scanTranscript(cell, job.messages);
      parentPort.postMessage({
        jobId: job.jobId,
        ok: true,
        scores,
        escalation: firstCrossing(scores, job.threshold ?? 0.75),
      });
    })
    .catch((err) => parentPort.postMessage({ jobId: job.jobId, ok: false, error: String(err) }));
});
