// expect: stacked-activation
// Card-transaction sequence fraud classifier: hand-written GRU encoder trained in a custom minimize() loop.
import * as tf from '@tensorflow/tfjs';

interface Txn {
  amount: number;
  hour: number;
  foreign: boolean;
  new_merchant: boolean;
}

const N_FEATURES = 4;
const HIDDEN = 24;
const HISTORY = 12;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function featurize(txn: Txn): number[] {
  return [Math.log1p(txn.amount) / 8, txn.hour / 23, txn.foreign ? 1 : 0, txn.new_merchant ? 1 : 0];
}

class FraudGRU {
  readonly params: Record<string, tf.Variable>;
  training = true;

  constructor() {
    const init = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.15));
    this.params = {
      W: init([N_FEATURES, 3 * HIDDEN]),
      U: init([HIDDEN, 3 * HIDDEN]),
      b: tf.variable(tf.zeros([3 * HIDDEN])),
      W_out: init([HIDDEN, 1]),
      b_out: tf.variable(tf.zeros([1])),
    };
  }

  init_hidden(batch_size: number): tf.Tensor2D {
    return tf.zeros([batch_size, HIDDEN]);
  }

  cell(x_t: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const p = this.params;
    const [xr, xz, xn] = tf.split(tf.matMul(x_t, p.W).add(p.b), 3, 1);
    const [hr, hz, hn] = tf.split(tf.matMul(h, p.U), 3, 1);
    const r = tf.sigmoid(xr.add(hr));
    const z = tf.sigmoid(xz.add(hz));
    const n = tf.tanh(xn.add(r.mul(hn)));
    return tf.sub(1, z).mul(n).add(z.mul(h)) as tf.Tensor2D;
  }

  // x: [batch, HISTORY, N_FEATURES] -> P(fraud) [batch, 1]
  forward(x: tf.Tensor3D): tf.Tensor2D {
    let hidden = this.init_hidden(x.shape[0]);
    for (const x_t of tf.unstack(x, 1) as tf.Tensor2D[]) {
      hidden = this.cell(x_t, hidden);
    }
    if (this.training) hidden = tf.dropout(hidden, 0.1) as tf.Tensor2D;
    return tf.sigmoid(tf.matMul(hidden, this.params.W_out).add(this.params.b_out)) as tf.Tensor2D;
  }
}

function bce_loss(y: tf.Tensor2D, y_hat: tf.Tensor2D): tf.Scalar {
  return tf.losses.sigmoidCrossEntropy(y, y_hat) as tf.Scalar;
}

function simulate_history(fraud: boolean): Txn[] {
  return range(HISTORY).map((t) => {
    const takeover = fraud && t >= 8;
    return {
      amount: takeover ? 300 + Math.random() * 2000 : 5 + Math.random() * 120,
      hour: takeover ? Math.floor(Math.random() * 5) : 8 + Math.floor(Math.random() * 14),
      foreign: takeover ? Math.random() < 0.7 : Math.random() < 0.05,
      new_merchant: takeover ? Math.random() < 0.8 : Math.random() < 0.2,
    };
  });
}

function make_batch(n: number): [tf.Tensor3D, tf.Tensor2D] {
  const labels = range(n).map(() => (Math.random() < 0.3 ? 1 : 0));
  const xs = labels.map((l) => simulate_history(l === 1).map(featurize));
  return [tf.tensor3d(xs), tf.tensor2d(labels.map((l) => [l]))];
}

const model = new FraudGRU();
const optimizer = tf.train.adam(0.003);

for (const epoch of range(30)) {
  model.training = true;
  const [xb, yb] = make_batch(128);
  const loss = optimizer.minimize(() => bce_loss(yb, model.forward(xb)), true)!;
  if (epoch % 5 === 0) console.log(`epoch ${epoch}: loss ${loss.dataSync()[0].toFixed(4)}`);
  tf.dispose([xb, yb, loss]);
}

model.training = false;
const [x_val, y_val] = make_batch(500);
const [precision, recall] = tf.tidy(() => {
  const pred = model.forward(x_val).greater(0.5).toFloat();
  const tp = pred.mul(y_val).sum();
  return [
    tp.div(pred.sum().add(1e-6)).dataSync()[0],
    tp.div(y_val.sum().add(1e-6)).dataSync()[0],
  ];
});
console.log(`precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`);
tf.dispose([x_val, y_val]);
