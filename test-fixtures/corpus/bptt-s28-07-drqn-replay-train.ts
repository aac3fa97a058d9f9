// expect: bptt-cut
// Recurrent Q-learning on whole replayed episodes: sample sequences from the buffer and fit one-step TD targets.
import * as tf from '@tensorflow/tfjs';

export interface Episode {
  obs: number[][];
  actions: number[];
  rewards: number[];
}

export class RecurrentQ {
  readonly Wi = tf.variable(tf.randomNormal([4, 24], 0, 0.3), true, 'Wi');
  readonly Wh = tf.variable(tf.randomNormal([24, 24], 0, 0.3), true, 'Wh');
  readonly bh = tf.variable(tf.zeros([24]), true, 'bh');
  readonly Wq = tf.variable(tf.randomNormal([24, 3], 0, 0.1), true, 'Wq');
  readonly bq = tf.variable(tf.zeros([3]), true, 'bq');

  cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.matMul(this.Wi).add(h.matMul(this.Wh)).add(this.bh)) as tf.Tensor2D;
  }

  // works on [B, 24] or [T, B, 24]
  q(h: tf.Tensor): tf.Tensor {
    const flat = h.reshape([-1, 24]).matMul(this.Wq).add(this.bq);
    return flat.reshape([...h.shape.slice(0, -1), 3]);
  }
}

export class ReplayBuffer {
  private readonly episodes: Episode[] = [];
  constructor(private readonly capacity: number) {}
  add(ep: Episode): void {
    this.episodes.push(ep);
    if (this.episodes.length > this.capacity) this.episodes.shift();
  }
  sample(n: number): Episode[] {
    return Array.from({ length: n }, () => this.episodes[Math.floor(Math.random() * this.episodes.length)]);
  }
}

// obs tensor [T, B, 4] -> hidden states [T, B, 24]
function hiddenSequence(net: RecurrentQ, obs: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const steps = tf.unstack(obs) as tf.Tensor2D[];
    let h = tf.zeros([obs.shape[1], 24]) as tf.Tensor2D;
    const out: tf.Tensor2D[] = [];
    for (const x of steps) {
      h = net.cell(x, h);
      out.push(h);
    }
    return tf.stack(out) as tf.Tensor3D;
  });
}

export function trainStep(net: RecurrentQ, opt: tf.Optimizer, batch: Episode[], gamma = 0.95): number {
  const T = batch[0].actions.length;
  const obs = tf.tensor3d(Array.from({ length: T }, (_, t) => batch.map((ep) => ep.obs[t])));
  const actionMask = tf.oneHot(tf.tensor2d(Array.from({ length: T }, (_, t) => batch.map((ep) => ep.actions[t])), undefined, 'int32'), 3);
  const rewards = tf.tensor2d(Array.from({ length: T }, (_, t) => batch.map((ep) => ep.rewards[t])));

  const hs = hiddenSequence(net, obs);
  const targets = tf.tidy(() => {
    const maxNext = net.q(hs).max(-1).slice([1, 0], [T - 1, -1]);
    const bootstrap = tf.concat([maxNext, tf.zeros([1, batch.length])], 0);
    return rewards.add(bootstrap.mul(gamma));
  });

  const loss = opt.minimize(() => {
    const qTaken = net.q(hs).mul(actionMask).sum(-1);
    return tf.losses.huberLoss(targets, qTaken) as tf.Scalar;
  }, true);

  const value = loss ? loss.dataSync()[0] : NaN;
  tf.dispose([obs, actionMask, rewards, hs, targets]);
  loss?.dispose();
  return value;
}

export function randomEpisode(T: number): Episode {
  const cue = Math.random() < 0.5 ? 0 : 1;
  const obs: number[][] = [];
  const actions: number[] = [];
  const rewards: number[] = [];
  for (let t = 0; t < T; t++) {
    obs.push(t === 0 ? [1, cue, 1 - cue, 0] : [0, 0, 0, t === T - 1 ? 1 : 0]);
    const a = Math.floor(Math.random() * 3);
    actions.push(a);
    rewards.push(t === T - 1 ? (a === cue ? 1 : -1) : 0);
  }
  return { obs, actions, rewards };
}

if (require.main === module) {
  const net = new RecurrentQ();
  const opt = tf.train.adam(1e-2);
  const buffer = new ReplayBuffer(500);
  for (let i = 0; i < 200; i++) buffer.add(randomEpisode(6));
  for (let it = 0; it < 30; it++) {
    const l = trainStep(net, opt, buffer.sample(16));
    if (it % 10 === 0) console.log('iter', it, 'loss', l.toFixed(4));
  }
}
