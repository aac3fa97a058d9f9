// expect: none
// Latent dynamics model for 2-D trajectories (Euler-style residual recurrence): step() returns the incoming latent plus a learned, input-conditioned delta; the rollout and loss both live inside optimizer.minimize.
import * as tf from '@tensorflow/tfjs';

declare function setTimeout(cb: () => void, ms: number): unknown;

export interface DynamicsConfig {
  latent: number;
  controlDim?: number;
  dt?: number;
  hidden?: number;
  onLog?: (line: string) => void;
}

export class ResidualDynamics {
  private readonly f1: tf.layers.Layer;
  private readonly f2: tf.layers.Layer;
  private readonly encoder: tf.layers.Layer;
  private readonly decoder: tf.layers.Layer;
  private readonly dt: number;
  private readonly opt = tf.train.adam(1e-3);

  constructor(private readonly cfg: DynamicsConfig) {
    const hidden = cfg.hidden ?? 64;
    this.dt = cfg.dt ?? 0.1;
    this.encoder = tf.layers.dense({ units: cfg.latent });
    this.f1 = tf.layers.dense({ units: hidden, activation: 'tanh' });
    this.f2 = tf.layers.dense({ units: cfg.latent });
    this.decoder = tf.layers.dense({ units: 2 });
    // build eagerly so the weights exist before the first minimize() collects trainable variables
    this.encoder.build([null, 2]);
    this.f1.build([null, cfg.latent + (cfg.controlDim ?? 2)]);
    this.f2.build([null, hidden]);
    this.decoder.build([null, cfg.latent]);
  }

  step(z: tf.Tensor2D, control: tf.Tensor2D): tf.Tensor2D {
    const features = tf.concat([z, control], 1);
    const delta = this.f2.apply(this.f1.apply(features)) as tf.Tensor2D;
    return z.add(delta.mul(this.dt));
  }

  rollout(start: tf.Tensor2D, controls: tf.Tensor3D): tf.Tensor3D {
    const [batch, steps, cdim] = controls.shape;
    let z = this.encoder.apply(start) as tf.Tensor2D;
    const positions: tf.Tensor2D[] = [];
    for (let t = 0; t < steps; t++) {
      const u = controls.slice([0, t, 0], [batch, 1, cdim]).reshape([batch, cdim]) as tf.Tensor2D;
      z = this.step(z, u);
      positions.push(this.decoder.apply(z) as tf.Tensor2D);
    }
    return tf.stack(positions, 1) as tf.Tensor3D;
  }

  trainStep(start: tf.Tensor2D, controls: tf.Tensor3D, target: tf.Tensor3D): number {
    const loss = this.opt.minimize(() => {
      const pred = this.rollout(start, controls);
      return tf.losses.meanSquaredError(target, pred) as tf.Scalar;
    }, true);
    const v = loss ? loss.dataSync()[0] : NaN;
    loss?.dispose();
    return v;
  }

  async fit(
    episodes: Array<{ start: number[]; controls: number[][]; path: number[][] }>, epochs: number,
  ): Promise<void> {
    for (let e = 0; e < epochs; e++) {
      let sum = 0;
      for (const ep of episodes) {
        const start = tf.tensor2d([ep.start]);
        const controls = tf.tensor3d([ep.controls]);
        const target = tf.tensor3d([ep.path]);
        sum += this.trainStep(start, controls, target);
        tf.dispose([start, controls, target]);
      }
      this.cfg.onLog?.(`epoch ${e}: mse ${(sum / episodes.length).toExponential(3)}`);
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
}
