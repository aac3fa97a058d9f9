// expect: stacked-activation
// Fluent builder for small recurrent encoders: choose sizes and activation, get back a callable encoder.
import * as tf from '@tensorflow/tfjs';

export type ActivationName = 'tanh' | 'relu' | 'sigmoid' | 'linear';

const ACTIVATIONS: Record<ActivationName, (t: tf.Tensor) => tf.Tensor> = {
  tanh: t => tf.tanh(t),
  relu: t => tf.relu(t),
  sigmoid: t => tf.sigmoid(t),
  linear: t => t,
};

/** x W + b followed by an optional activation. */
function affine(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, activation: ActivationName = 'linear'): tf.Tensor {
  return ACTIVATIONS[activation](tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D).add(b));
}

export interface EncoderSpec {
  inputSize: number;
  units: number;
  activation: ActivationName;
  seed: number;
}

export interface Encoder {
  readonly spec: Readonly<EncoderSpec>;
  /** [batch, time, features] -> per-step states [batch, time, units]. */
  encode(x: tf.Tensor3D): tf.Tensor3D;
  /** Trainable variables, for optimizers. */
  weights(): tf.Variable[];
}

/**
 * Example:
 *   const enc = new RnnBuilder().inputSize(3).units(8).activation('tanh').build();
 *   const states = enc.encode(batch);
 */
export class RnnBuilder {
  private spec: EncoderSpec = { inputSize: 1, units: 16, activation: 'tanh', seed: 42 };

  inputSize(n: number): this {
    this.spec = { ...this.spec, inputSize: n };
    return this;
  }

  units(n: number): this {
    this.spec = { ...this.spec, units: n };
    return this;
  }

  activation(a: ActivationName): this {
    this.spec = { ...this.spec, activation: a };
    return this;
  }

  seed(s: number): this {
    this.spec = { ...this.spec, seed: s };
    return this;
  }

  build(): Encoder {
    const spec: Readonly<EncoderSpec> = { ...this.spec };
    if (spec.units <= 0 || spec.inputSize <= 0) {
      throw new Error('RnnBuilder: sizes must be positive');
    }
    const act = ACTIVATIONS[spec.activation];
    const kernel = tf.variable(tf.randomNormal(
      [spec.inputSize + spec.units, spec.units], 0, 0.5, 'float32', spec.seed));
    const bias = tf.variable(tf.zeros([spec.units]));

    return {
      spec,
      encode(x: tf.Tensor3D): tf.Tensor3D {
        return tf.tidy(() => {
          let h: tf.Tensor = tf.zeros([x.shape[0], spec.units]);
          const states: tf.Tensor[] = [];
          for (const xt of tf.unstack(x, 1)) {
            h = act(affine(tf.concat([xt, h], 1), kernel, bias, spec.activation));
            states.push(h);
          }
          return tf.stack(states, 1) as tf.Tensor3D;
        });
      },
      weights: () => [kernel, bias],
    };
  }
}
