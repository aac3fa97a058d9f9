// A sentiment classifier module: builds a softmax model and exposes scoring for an API server.
const tf = require('@tensorflow/tfjs');

function buildClassifier() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [12, 8] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  return model;
}

function scores(model, x) {
  return tf.tidy(() => tf.softmax(model.predict(x)));
  //                   ~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

function routes(app, model) {
  app.post('/classify', (req, res) => res.json(scores(model, tf.tensor3d(req.body.x)).arraySync()));
}

module.exports = { buildClassifier, routes };
