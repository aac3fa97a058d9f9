// expect: bptt-cut
// Recurrent advantage actor-critic update on a finished episode, using tf.variableGrads plus gradient clipping.
import * as tf from '@tensorflow/tfjs';

export interface Trajectory {
  obs: number[][];
  actions: number[];
  returns: number[];
}

export class RnnActorCritic {
  readonly vars: Record<string, tf.Variable>;
  readonly hiddenTrace: number[][] = [];

  constructor(readonly obsDim: number, readonly hid: number, readonly nAct: number) {
    const g = (r: number, c: number, name: string) =>
      tf.variable(tf.randomNormal([r, c], 0, Math.sqrt(1 / r)), true, name);
    this.vars = {
      Wx: g(obsDim, hid, 'ac/Wx'),
      Wh: g(hid, hid, 'ac/Wh'),
      bh: tf.variable(tf.zeros([1, hid]), true, 'ac/bh'),
      Wpi: g(hid, nAct, 'ac/Wpi'),
      Wv: g(hid, 1, 'ac/Wv'),
    };
  }

  cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const { Wx, Wh, bh } = this.vars;
    return tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(bh));
  }

  lossOn(traj: Trajectory): tf.Scalar {
    const { Wpi, Wv } = this.vars;
    let h = tf.zeros([1, this.hid]) as tf.Tensor2D;
    const terms: tf.Scalar[] = [];
    this.hiddenTrace.length = 0;
    traj.obs.forEach((o, t) => {
      const hNew = this.cell(tf.tensor2d([o]), h);
      const logp = tf.logSoftmax(hNew.matMul(Wpi)).gather([traj.actions[t]], 1).squeeze() as tf.Scalar;
      const v = hNew.matMul(Wv).squeeze() as tf.Scalar;
      const adv = tf.scalar(traj.returns[t]).sub(v);
      terms.push(logp.mul(adv.dataSync()[0]).neg().add(adv.square().mul(0.5)) as tf.Scalar);
      const row = Array.from(hNew.dataSync());
      this.hiddenTrace.push(row);
      h = tf.tensor2d([row]);
    });
    return tf.addN(terms).div(terms.length) as tf.Scalar;
  }
}

function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {
  return tf.tidy(() => {
    const total = Math.sqrt(Object.values(grads).reduce((s, g) => s + g.square().sum().dataSync()[0], 0));
    const scale = total > maxNorm ? maxNorm / total : 1;
    const out: tf.NamedTensorMap = {};
    for (const [k, g] of Object.entries(grads)) out[k] = g.mul(scale);
    return out;
  });
}

export function update(model: RnnActorCritic, opt: tf.Optimizer, traj: Trajectory): number {
  const { value, grads } = tf.variableGrads(() => model.lossOn(traj));
  const clipped = clipByGlobalNorm(grads, 1.0);
  opt.applyGradients(clipped);
  const loss = value.dataSync()[0];
  tf.dispose([value, grads, clipped]);
  return loss;
}

export function discounted(rewards: number[], gamma: number): number[] {
  const out: number[] = [];
  let acc = 0;
  for (let t = rewards.length - 1; t >= 0; t--) {
    acc = rewards[t] + gamma * acc;
    out.unshift(acc);
  }
  return out;
}

if (require.main === module) {
  const model = new RnnActorCritic(3, 16, 2);
  const opt = tf.train.rmsprop(1e-3);
  for (let it = 0; it < 10; it++) {
    const cue = Math.random() < 0.5 ? 0 : 1;
    const obs = [[1, cue, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1]];
    const actions = [0, 0, 0, cue];
    const traj = { obs, actions, returns: discounted([0, 0, 0, 1], 0.97) };
    console.log('iter', it, 'loss', update(model, opt, traj).toFixed(4));
  }
}
