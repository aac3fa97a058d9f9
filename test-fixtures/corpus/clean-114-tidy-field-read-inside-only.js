// expect: none
// A field is (re)assigned inside tidy and read only inside that same callback: every call draws a
// fresh value before reading it, so the disposed tensor left on the field is never read (reduced
// from false positives on tfjs-layers RandomHeight/RandomWidth and ml5 CVAE).
import * as tf from '@tensorflow/tfjs';

export class RandomScale {
  constructor(low, high) {
    this.low = low;
    this.high = high;
    this.factor = null;
  }

  apply(images) {
    return tf.tidy(() => {
      this.factor = tf.randomUniform([1], this.low, this.high);
      const s = this.factor.dataSync()[0];
      const [h, w] = images.shape.slice(1, 3);
      return tf.image.resizeBilinear(images, [Math.round(h * s), Math.round(w * s)]);
    });
  }
}
