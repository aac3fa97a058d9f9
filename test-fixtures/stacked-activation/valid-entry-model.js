// Scoring entry points that are not known to receive the file's softmax model.
const tf = require('@tensorflow/tfjs');

function buildLogits() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [12, 8] }));
  model.add(tf.layers.dense({ units: 3 }));
  return model;
}

// The file builds a logits model, and loads others from disk: `model` may be either.
async function load(path) {
  return tf.loadLayersModel(path);
}

function scores(model, x) {
  return tf.tidy(() => tf.softmax(model.predict(x)));
}

function routes(app, model) {
  app.post('/classify', (req, res) => res.json(scores(model, tf.tensor3d(req.body.x)).arraySync()));
}

module.exports = { buildLogits, load, routes };
