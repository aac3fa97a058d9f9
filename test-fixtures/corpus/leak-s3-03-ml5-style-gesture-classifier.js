// expect: state-leak
// ml5-style GestureClassifier with a callback API over recorded pose sequences; bug: classify() starts each new sequence from `this.hidden` left over from the previous call (it is only zeroed when weights load).
import * as tf from '@tensorflow/tfjs';

class GestureClassifier {
  constructor(options = {}, callback) {
    this.units = options.units || 64;
    this.labels = options.labels || [];
    this.modelUrl = options.modelUrl;
    this.ready = false;
    this.hidden = null;
    this.loadWeights()
      .then(() => {
        this.ready = true;
        if (callback) callback(null, this);
      })
      .catch((err) => callback && callback(err));
  }

  async loadWeights() {
    const json = await (await fetch(this.modelUrl)).json();
    this.Wx = tf.tensor2d(json.Wx);
    this.Wh = tf.tensor2d(json.Wh);
    this.b = tf.tensor1d(json.b);
    this.Wo = tf.tensor2d(json.Wo);
    this.hidden = tf.zeros([1, this.units]);
  }

  classify(sequence, callback) {
    if (!this.ready) {
      callback(new Error('Model not ready yet'));
      return;
    }
    for (const frame of sequence) {
      const next = tf.tidy(() =>
        tf.tensor2d([frame]).matMul(this.Wx).add(this.hidden.matMul(this.Wh)).add(this.b).tanh()
      );
      this.hidden.dispose();
      this.hidden = next;
    }
    const probs = tf.tidy(() => this.hidden.matMul(this.Wo).softmax());
    probs.data().then((p) => {
      probs.dispose();
      const results = Array.from(p)
        .map((confidence, i) => ({ label: this.labels[i] || String(i), confidence }))
        .sort((a, b) => b.confidence - a.confidence);
      callback(null, results);
    });
  }
}

export default function gestureClassifier(options, callback) {
  return new GestureClassifier(options, callback);
}
