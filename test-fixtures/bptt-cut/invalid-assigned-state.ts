// Recurrent state kept in a tf.variable and updated with assign() on the gradient tape.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([3, 8]));
const Wh = tf.variable(tf.randomNormal([8, 8]));
const Wo = tf.variable(tf.randomNormal([8, 1]));
const rnnState = tf.variable(tf.zeros([1, 8]), false);
const optimizer = tf.train.adam(0.01);

function step(x: tf.Tensor2D): tf.Tensor2D {
  const hNew = tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(rnnState, Wh))) as tf.Tensor2D;
  rnnState.assign(hNew);
//~~~~~~~~~~~~~~~~~~~~~ bptt-cut
  return hNew;
}

export function train(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
  rnnState.assign(tf.zeros([1, 8]));
  optimizer.minimize(() => {
    let h: tf.Tensor2D | undefined;
    for (const x of xs) h = step(x);
    return tf.losses.meanSquaredError(y, tf.matMul(h!, Wo)) as tf.Scalar;
  });
}

// The same in a class, with the step in the loop of the closure itself.
export class StatefulCell {
  private readonly state = tf.variable(tf.zeros([1, 8]), false);

  loss(xs: tf.Tensor2D[], y: tf.Tensor2D): tf.Scalar {
    return tf.variableGrads(() => {
      for (const x of xs) {
        const h = tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(this.state, Wh)));
        this.state.assign(h as tf.Tensor2D);
    //  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
      }
      return tf.losses.meanSquaredError(y, tf.matMul(this.state, Wo)) as tf.Scalar;
    }).value;
  }
}

// Private members: the closure runs `#advance`, which assigns the `#state` variable.
export class PrivateStateCell {
  readonly #state = tf.variable(tf.zeros([1, 8]), false);

  #advance(x: tf.Tensor2D): tf.Tensor2D {
    const h = tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(this.#state, Wh))) as tf.Tensor2D;
    this.#state.assign(h);
//  ~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    return h;
  }

  train(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
    optimizer.minimize(() => {
      let h: tf.Tensor2D | undefined;
      for (const x of xs) h = this.#advance(x);
      return tf.losses.meanSquaredError(y, tf.matMul(h!, Wo)) as tf.Scalar;
    });
  }
}
