// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export class Follower {
  constructor(units) {
    this.cell = tf.layers.gruCell({ units });
    this.cell.build([null, 2]);
    this.h = tf.zeros([1, units]);
  }

  observe(x) {
    tf.tidy(() => {
      const [out, next] = this.cell.call([x, this.h], {});
      this.h = next;
      console.log(out.shape);
    });
  }
}
