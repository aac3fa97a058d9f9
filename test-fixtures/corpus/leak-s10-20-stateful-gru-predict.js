// expect: state-leak
// Scores a batch of recorded sessions with a stateful GRU by feeding events one at a time, the way the live service does.
const tf = require('@tensorflow/tfjs');

const EVENT_DIM = 5;

function buildScorer(units = 16) {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units, stateful: true, batchInputShape: [1, 1, EVENT_DIM], returnSequences: false }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

class SessionScorer {
  constructor(model, { threshold = 0.5 } = {}) {
    this.model = model;
    this.threshold = threshold;
  }

  scoreEvent(event) {
    return tf.tidy(() => this.model.predict(tf.tensor3d([[event]])).dataSync()[0]);
  }

  scoreSession(session) {
    let risk = 0;
    session.events.forEach((ev) => {
      risk = this.scoreEvent(ev);
    });
    return { sessionId: session.id, risk, flagged: risk > this.threshold };
  }

  scoreAll(sessions) {
    this.model.resetStates();
    return sessions.map((s) => this.scoreSession(s));
  }
}

function loadSessions(n) {
  const sessions = [];
  for (let i = 0; i < n; i++) {
    const len = 4 + (i % 3);
    const events = [];
    for (let t = 0; t < len; t++) {
      events.push(Array.from({ length: EVENT_DIM }, (_, k) => Math.cos(t + k + i)));
    }
    sessions.push({ id: `s${i}`, events });
  }
  return sessions;
}

module.exports = { buildScorer, SessionScorer, loadSessions };

if (require.main === module) {
  const scorer = new SessionScorer(buildScorer());
  const sessions = loadSessions(4);
  const report = scorer.scoreAll([...sessions, sessions[0]]);
  console.table(report);
}
