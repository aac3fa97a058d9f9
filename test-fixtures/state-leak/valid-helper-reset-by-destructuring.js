// A streaming tagger whose reset writes both states in one destructuring assignment
// (`[this.h, this.c] = this.zeroStates()`); the helper that runs one clip calls it first.
const tf = require('@tensorflow/tfjs');

class FrameTagger {
  constructor(units, features) {
    this.units = units;
    this.W = tf.randomNormal([features, 4 * units], 0, 0.1);
    this.U = tf.randomNormal([units, 4 * units], 0, 0.1);
    this.h = null;
    this.c = null;
    this.resetStates();
  }

  zeroStates() {
    return [tf.zeros([1, this.units]), tf.zeros([1, this.units])];
  }

  resetStates() {
    [this.h, this.c] = this.zeroStates();
  }

  pushFrame(values) {
    const [h, c] = tf.tidy(() => {
      const z = tf.tensor2d([values]).matMul(this.W).add(this.h.matMul(this.U));
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.sigmoid(f).mul(this.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      return [tf.sigmoid(o).mul(tf.tanh(cNext)), cNext];
    });
    this.h = h;
    this.c = c;
    return h.dataSync()[0];
  }
}

function tagClip(tagger, frames) {
  tagger.resetStates();
  return frames.map((frame) => tagger.pushFrame(frame));
}

const tagger = new FrameTagger(8, 3);
const clips = [[[0, 1, 0], [1, 0, 0]], [[0, 0, 1]]];
for (const clip of clips) {
  console.log(tagClip(tagger, clip));
}
