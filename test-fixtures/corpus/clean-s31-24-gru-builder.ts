// expect: none
// Fluent builder producing GRU sequence encoders with sensible defaults and per-call fresh states.
import * as tf from '@tensorflow/tfjs';

export interface GruConfig {
  inputSize: number;
  units: number;
  /** Std-dev for kernel init. */
  scale: number;
  seed: number;
  /** Return all steps ([batch, time, units]) instead of only the last ([batch, units]). */
  returnSequences: boolean;
}

export interface GruEncoder {
  readonly config: Readonly<GruConfig>;
  encode(x: tf.Tensor3D): tf.Tensor;
  variables(): tf.Variable[];
}

/**
 *   const enc = new GruBuilder().inputSize(4).units(32).returnSequences().build();
 */
export class GruBuilder {
  private cfg: GruConfig = { inputSize: 1, units: 32, scale: 0.2, seed: 1, returnSequences: false };

  inputSize(n: number): this { this.cfg.inputSize = n; return this; }
  units(n: number): this { this.cfg.units = n; return this; }
  scale(s: number): this { this.cfg.scale = s; return this; }
  seed(s: number): this { this.cfg.seed = s; return this; }
  returnSequences(on = true): this { this.cfg.returnSequences = on; return this; }

  build(): GruEncoder {
    const config: Readonly<GruConfig> = { ...this.cfg };
    const { inputSize, units, scale, seed } = config;
    const v = (shape: number[], k: number) =>
      tf.variable(tf.randomNormal(shape, 0, scale, 'float32', seed + k));
    const wz = v([inputSize, units], 0), uz = v([units, units], 1);
    const wr = v([inputSize, units], 2), ur = v([units, units], 3);
    const wh = v([inputSize, units], 4), uh = v([units, units], 5);
    const bz = tf.variable(tf.zeros([units]));
    const br = tf.variable(tf.zeros([units]));
    const bh = tf.variable(tf.zeros([units]));

    const step = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D => {
      const z = tf.sigmoid(x.matMul(wz).add(h.matMul(uz)).add(bz));
      const r = tf.sigmoid(x.matMul(wr).add(h.matMul(ur)).add(br));
      const hTilde = tf.tanh(x.matMul(wh).add(r.mul(h).matMul(uh)).add(bh));
      return tf.sub(1, z).mul(h).add(z.mul(hTilde)) as tf.Tensor2D;
    };

    return {
      config,
      encode(x: tf.Tensor3D): tf.Tensor {
        return tf.tidy(() => {
          // every batch is an independent set of sequences
          let h: tf.Tensor2D = tf.zeros([x.shape[0], units]);
          const seq: tf.Tensor2D[] = [];
          for (const xt of tf.unstack(x, 1) as tf.Tensor2D[]) {
            h = step(xt, h);
            seq.push(h);
          }
          return config.returnSequences ? tf.stack(seq, 1) : h;
        });
      },
      variables: () => [wz, uz, wr, ur, wh, uh, bz, br, bh],
    };
  }
}
