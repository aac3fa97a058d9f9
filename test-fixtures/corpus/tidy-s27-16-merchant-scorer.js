// expect: tidy-disposed-state
// HTTP-style payment scoring service: one scorer closure per merchant keeps that merchant's recurrent context between requests.
const tf = require('@tensorflow/tfjs');

const H = 8;

function createWeights(seed) {
  return {
    wx: tf.randomNormal([4, H], 0, 0.5, 'float32', seed),
    wh: tf.randomNormal([H, H], 0, 0.3, 'float32', seed + 1),
    b: tf.zeros([H]),
    wo: tf.randomNormal([H, 1], 0, 0.6, 'float32', seed + 2),
  };
}

function paymentVector(p) {
  return [
    Math.log10(1 + p.amountCents / 100),
    p.cardPresent ? 0 : 1,
    p.country === p.merchantCountry ? 0 : 1,
    Math.min(p.attemptsLastHour, 10) / 10,
  ];
}

function createScorer(weights) {
  let context = tf.zeros([1, H]);
  let seen = 0;

  return function score(payment) {
    seen += 1;
    return tf.tidy(() => {
      const x = tf.tensor2d([paymentVector(payment)]);
      const next = tf.tanh(x.matMul(weights.wx).add(context.matMul(weights.wh)).add(weights.b));
      context = next;
      const risk = tf.sigmoid(next.matMul(weights.wo)).dataSync()[0];
      return { risk, seen };
    });
  };
}

function createService() {
  const weights = createWeights(111);
  const scorers = new Map();

  return {
    handle(req) {
      const { merchantId, payment } = req.body;
      if (!scorers.has(merchantId)) scorers.set(merchantId, createScorer(weights));
      const { risk, seen } = scorers.get(merchantId)(payment);
      const decision = risk > 0.9 ? 'decline' : risk > 0.7 ? 'review' : 'approve';
      return { status: 200, body: { merchantId, decision, risk: Number(risk.toFixed(4)), seen } };
    },
  };
}

module.exports = { createScorer, createService, createWeights };

if (require.main === module) {
  const svc = createService();
  const merchants = ['m_coffee', 'm_electronics'];
  for (let i = 0; i < 12; i++) {
    const merchantId = merchants[i % 2];
    const payment = {
      amountCents: merchantId === 'm_coffee' ? 450 + i * 10 : 89900,
      cardPresent: merchantId === 'm_coffee',
      country: i % 5 === 0 ? 'BR' : 'US',
      merchantCountry: 'US',
      attemptsLastHour: i % 4,
    };
    const res = svc.handle({ body: { merchantId, payment } });
    console.log(res.body);
  }
}
