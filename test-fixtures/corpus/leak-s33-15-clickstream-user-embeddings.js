// expect: state-leak
// Per-user behaviour embeddings from clickstream events, using a GRU encoder object (port of a PyTorch session-encoder notebook).
const tf = require('@tensorflow/tfjs');

const EVENT_TYPES = ['view', 'click', 'add_to_cart', 'purchase', 'search', 'logout'];

class SessionEncoder {
  constructor(hidden_size) {
    const self = this;
    const in_size = EVENT_TYPES.length + 1;
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.2));
    self.hidden_size = hidden_size;
    self.W_z = init([in_size, hidden_size]);
    self.U_z = init([hidden_size, hidden_size]);
    self.W_r = init([in_size, hidden_size]);
    self.U_r = init([hidden_size, hidden_size]);
    self.W_h = init([in_size, hidden_size]);
    self.U_h = init([hidden_size, hidden_size]);
    self.hidden = null;
  }

  init_hidden() {
    if (this.hidden !== null) this.hidden.dispose();
    this.hidden = tf.zeros([1, this.hidden_size]);
  }

  featurize(event) {
    const one_hot = EVENT_TYPES.map((t) => (t === event.type ? 1 : 0));
    return tf.tensor2d([[...one_hot, Math.log1p(event.dwell_ms / 1000)]]);
  }

  forward(x, hidden) {
    const self = this;
    const z = tf.sigmoid(tf.matMul(x, self.W_z).add(tf.matMul(hidden, self.U_z)));
    const r = tf.sigmoid(tf.matMul(x, self.W_r).add(tf.matMul(hidden, self.U_r)));
    const h_tilde = tf.tanh(tf.matMul(x, self.W_h).add(tf.matMul(r.mul(hidden), self.U_h)));
    return z.mul(hidden).add(tf.sub(1, z).mul(h_tilde));
  }

  observe(event) {
    const self = this;
    const h_next = tf.tidy(() => self.forward(self.featurize(event), self.hidden));
    self.hidden.dispose();
    self.hidden = h_next;
  }

  embedding() {
    return Array.from(this.hidden.dataSync());
  }
}

function cosine(a, b) {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((v, i) => {
    dot += v * b[i];
    na += v * v;
    nb += b[i] * b[i];
  });
  return dot / (Math.sqrt(na) * Math.sqrt(nb) + 1e-8);
}

function build_user_embeddings(encoder, users) {
  const embeddings = new Map();
  encoder.init_hidden();
  for (const user of users) {
    const events = [...user.events].sort((a, b) => a.ts - b.ts);
    for (const event of events) encoder.observe(event);
    embeddings.set(user.id, encoder.embedding());
  }
  return embeddings;
}

function fake_user(id, purchase_rate) {
  const events = Array.from({ length: 10 + Math.floor(Math.random() * 20) }, (_, i) => ({
    ts: i * 1000 + Math.floor(Math.random() * 500),
    type: Math.random() < purchase_rate ? 'purchase' : EVENT_TYPES[Math.floor(Math.random() * 3)],
    dwell_ms: 500 + Math.random() * 20000,
  }));
  return { id, events };
}

const users = [fake_user('u1', 0.05), fake_user('u2', 0.3), fake_user('u3', 0.05), fake_user('u4', 0.3)];
const encoder = new SessionEncoder(16);
const emb = build_user_embeddings(encoder, users);

for (const a of users) {
  const sims = users
    .filter((b) => b.id !== a.id)
    .map((b) => [b.id, cosine(emb.get(a.id), emb.get(b.id))])
    .sort((x, y) => y[1] - x[1]);
  console.log(`${a.id} is most similar to ${sims[0][0]} (${sims[0][1].toFixed(3)})`);
}
