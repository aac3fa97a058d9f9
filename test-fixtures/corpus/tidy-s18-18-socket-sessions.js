// expect: tidy-disposed-state
// WebSocket-style handler: each connection streams clickstream events and gets a live churn-risk score from an LSTM kept per session.
const tf = require('@tensorflow/tfjs');

const EVENT_TYPES = ['view', 'add_to_cart', 'remove', 'search', 'checkout', 'idle'];
const UNITS = 16;

function createChurnModel(seed) {
  const W = tf.randomNormal([EVENT_TYPES.length + UNITS, 4 * UNITS], 0, 0.3, 'float32', seed);
  const out = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 1);
  return { W, out };
}

function oneHot(type) {
  const v = new Array(EVENT_TYPES.length).fill(0);
  const i = EVENT_TYPES.indexOf(type);
  v[i < 0 ? EVENT_TYPES.length - 1 : i] = 1;
  return v;
}

function createServer(model) {
  const sessions = new Map();

  function stateFor(id) {
    if (!sessions.has(id)) {
      sessions.set(id, { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]), events: 0 });
    }
    return sessions.get(id);
  }

  function saveState(id, h, c) {
    const prev = sessions.get(id);
    prev.h.dispose();
    prev.c.dispose();
    sessions.set(id, { h, c, events: prev.events + 1 });
  }

  function onMessage(conn, raw) {
    const msg = JSON.parse(raw);
    const st = stateFor(conn.id);
    const risk = tf.tidy(() => {
      const x = tf.tensor2d([oneHot(msg.type)]);
      const gates = tf.concat([x, st.h], 1).matMul(model.W);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const c = tf.sigmoid(f).mul(st.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul(tf.tanh(c));
      saveState(conn.id, h, c);
      return tf.sigmoid(h.matMul(model.out)).dataSync()[0];
    });
    conn.send(JSON.stringify({ type: 'churn', risk: Number(risk.toFixed(4)), events: sessions.get(conn.id).events }));
  }

  function onClose(conn) {
    const st = sessions.get(conn.id);
    if (st) {
      st.h.dispose();
      st.c.dispose();
    }
    sessions.delete(conn.id);
  }

  return {
    connect(conn) {
      conn.on('message', (raw) => {
        try {
          onMessage(conn, raw);
        } catch (err) {
          conn.send(JSON.stringify({ type: 'error', message: err.message }));
        }
      });
      conn.on('close', () => onClose(conn));
    },
    sessionCount: () => sessions.size,
  };
}

function fakeConnection(id) {
  const handlers = {};
  const sent = [];
  return {
    id,
    sent,
    on: (evt, fn) => (handlers[evt] = fn),
    send: (data) => sent.push(JSON.parse(data)),
    receive: (obj) => handlers.message(JSON.stringify(obj)),
    close: () => handlers.close(),
  };
}

module.exports = { createServer, createChurnModel, fakeConnection };

if (require.main === module) {
  const server = createServer(createChurnModel(12));
  const conn = fakeConnection('c1');
  server.connect(conn);
  ['view', 'search', 'add_to_cart', 'idle', 'remove'].forEach((type) => conn.receive({ type }));
  conn.sent.forEach((m) => console.log(m));
  conn.close();
}
