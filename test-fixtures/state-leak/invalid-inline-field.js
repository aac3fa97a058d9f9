// A class that advances its state field inline (the idiomatic tfjs form: compute the next state in
// tf.tidy, dispose the old one, keep the new one) over a whole sequence per call, and never resets
// it: the field is only filled once, by a loader the constructor starts.
import * as tf from '@tensorflow/tfjs';

export class GestureClassifier {
  constructor(weightsUrl, callback) {
    this.units = 32;
    this.hidden = null;
    this.loadWeights(weightsUrl).then(() => callback(null, this), callback);
  }

  async loadWeights(url) {
    const json = await (await fetch(url)).json();
    this.Wx = tf.tensor2d(json.Wx);
    this.Wh = tf.tensor2d(json.Wh);
    this.hidden = tf.zeros([1, this.units]);
  }

  classify(sequence) {
    for (const frame of sequence) {
      const next = tf.tidy(() => tf.tensor2d([frame]).matMul(this.Wx).add(this.hidden.matMul(this.Wh)).tanh());
//                                                                        ~~~~~~~~~~~ state-leak
      this.hidden.dispose();
      this.hidden = next;
    }
    return this.hidden.argMax(-1).dataSync()[0];
  }

  // Without a local: the new state is assigned straight away.
  score(sequence) {
    for (const frame of sequence) {
      this.memory = tf.tanh(tf.tensor2d([frame]).matMul(this.Wx).add(this.memory.matMul(this.Wh)));
//                                                                   ~~~~~~~~~~~ state-leak
    }
    return this.memory.sum().dataSync()[0];
  }
}
