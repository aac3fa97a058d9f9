// expect: bptt-cut
// Fine-tunes each wind turbine's RNN on every new 10-minute SCADA window, then forecasts power for the next window.
import * as tf from '@tensorflow/tfjs';

const UNITS = 8;

type TurbineNet = {
  wx: tf.Variable;
  wh: tf.Variable;
  b: tf.Variable;
  wOut: tf.Variable;
  opt: tf.Optimizer;
};

function createNet(seed: number): TurbineNet {
  return {
    wx: tf.variable(tf.randomNormal([3, UNITS], 0, 0.3, 'float32', seed)),
    wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 1)),
    b: tf.variable(tf.zeros([UNITS])),
    wOut: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3, 'float32', seed + 2)),
    opt: tf.train.adam(0.02),
  };
}

// SCADA feeds occasionally contain NaN for a sensor; keep them out of the state.
function step(net: TurbineNet, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const hNext = tf.tanh(x.matMul(net.wx).add(h.matMul(net.wh)).add(net.b));
  const rows = hNext.arraySync() as number[][];
  return tf.tensor2d(rows.map((r) => r.map((v) => (Number.isFinite(v) ? v : 0))));
}

function unroll(net: TurbineNet, window: number[][]): tf.Tensor2D {
  let h = tf.zeros([1, UNITS]) as tf.Tensor2D;
  for (const row of window) h = step(net, tf.tensor2d([row]), h);
  return h;
}

export class TurbineFleet {
  private readonly nets = new Map<string, TurbineNet>();

  private netFor(turbineId: string): TurbineNet {
    let net = this.nets.get(turbineId);
    if (!net) {
      net = createNet(200 + this.nets.size * 5);
      this.nets.set(turbineId, net);
    }
    return net;
  }

  onWindow(turbineId: string, window: number[][], powerNext: number): number {
    const net = this.netFor(turbineId);
    const target = tf.scalar(powerNext);
    let loss = NaN;
    for (let epoch = 0; epoch < 5; epoch++) {
      const cost = net.opt.minimize(() => {
        const h = unroll(net, window);
        return tf.losses.meanSquaredError(target, h.matMul(net.wOut).squeeze()) as tf.Scalar;
      }, true);
      loss = cost ? cost.dataSync()[0] : NaN;
      cost?.dispose();
    }
    target.dispose();
    return loss;
  }

  forecast(turbineId: string, window: number[][]): number {
    const net = this.netFor(turbineId);
    return tf.tidy(() => unroll(net, window).matMul(net.wOut).dataSync()[0]);
  }
}

function scadaWindow(t0: number, gusty: boolean): number[][] {
  return Array.from({ length: 10 }, (_, k) => {
    const wind = 8 + 2 * Math.sin((t0 + k) / 6) + (gusty ? Math.sin(k * 3) : 0);
    return [wind / 15, Math.cos((t0 + k) / 30), gusty ? 1 : 0];
  });
}

if (require.main === module) {
  const fleet = new TurbineFleet();
  for (let w = 0; w < 6; w++) {
    for (const id of ['T-01', 'T-02']) {
      const win = scadaWindow(w * 10, id === 'T-02');
      const next = 0.5 + 0.3 * Math.sin((w * 10 + 10) / 6);
      const loss = fleet.onWindow(id, win, next);
      console.log(id, 'window', w, 'loss', loss.toFixed(4), 'forecast', fleet.forecast(id, win).toFixed(3));
    }
  }
}
