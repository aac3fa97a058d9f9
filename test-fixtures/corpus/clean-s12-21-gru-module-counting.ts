// expect: none
// nn.GRU-style module written with tf.layers.dense "Linear" blocks, trained to count how many 1s appear in a bit sequence.
import * as tf from '@tensorflow/tfjs';

export class GRUModule {
  x2h: tf.layers.Layer;
  h2h: tf.layers.Layer;
  fc: tf.layers.Layer;

  constructor(public input_size: number, public hidden_size: number, output_size: number) {
    // self.x2h = nn.Linear(input_size, 3 * hidden_size); self.h2h = nn.Linear(hidden_size, 3 * hidden_size)
    this.x2h = tf.layers.dense({ units: 3 * hidden_size, inputShape: [input_size] });
    this.h2h = tf.layers.dense({ units: 3 * hidden_size, inputShape: [hidden_size] });
    this.fc = tf.layers.dense({ units: output_size, inputShape: [hidden_size] });
  }

  cell(x: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const gate_x = this.x2h.apply(x) as tf.Tensor2D;
    const gate_h = this.h2h.apply(hidden) as tf.Tensor2D;
    const [i_r, i_i, i_n] = tf.split(gate_x, 3, 1);
    const [h_r, h_i, h_n] = tf.split(gate_h, 3, 1);
    const resetgate = tf.sigmoid(i_r.add(h_r));
    const inputgate = tf.sigmoid(i_i.add(h_i));
    const newgate = tf.tanh(i_n.add(resetgate.mul(h_n)));
    // hy = (1 - inputgate) * newgate + inputgate * hidden
    return tf.sub(1, inputgate).mul(newgate).add(inputgate.mul(hidden)) as tf.Tensor2D;
  }

  // input: [batch, seq_len, input_size]
  forward(input: tf.Tensor3D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    let hn = hidden;
    for (const x_t of tf.unstack(input, 1) as tf.Tensor2D[]) {
      hn = this.cell(x_t, hn);
    }
    const out = this.fc.apply(hn) as tf.Tensor2D;
    return [out, hn];
  }

  init_hidden(batch_size: number): tf.Tensor2D {
    return tf.zeros([batch_size, this.hidden_size]);
  }
}

function countingBatch(batch_size: number, seq_len: number): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let b = 0; b < batch_size; b++) {
    const bits: number[] = Array.from({ length: seq_len }, () => (Math.random() < 0.3 ? 1 : 0));
    xs.push(bits.map((v) => [v]));
    ys.push([bits.reduce((a, v) => a + v, 0)]);
  }
  return { x: tf.tensor3d(xs), y: tf.tensor2d(ys) };
}

export function train(model: GRUModule, num_epochs = 20, batches = 8, batch_size = 32): number {
  const optimizer = tf.train.adam(0.01);
  // dummy forward so the dense layers build their kernels before minimize() collects variables
  tf.tidy(() => { model.forward(tf.zeros([1, 1, model.input_size]), model.init_hidden(1)); });
  let epoch_loss = 0;
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    epoch_loss = 0;
    for (let i = 0; i < batches; i++) {
      const { x, y } = countingBatch(batch_size, 10);
      const loss = optimizer.minimize(() => {
        const [outputs] = model.forward(x, model.init_hidden(batch_size));
        return tf.losses.meanSquaredError(y, outputs) as tf.Scalar;
      }, true) as tf.Scalar;
      epoch_loss += loss.dataSync()[0] / batches;
      tf.dispose([x, y, loss]);
    }
    if ((epoch + 1) % 5 === 0) console.log(`Epoch [${epoch + 1}/${num_epochs}], Loss: ${epoch_loss.toFixed(4)}`);
  }
  return epoch_loss;
}

export function predictCount(model: GRUModule, bits: number[]): number {
  return tf.tidy(() => {
    const x = tf.tensor3d([bits.map((v) => [v])]);
    const [out] = model.forward(x, model.init_hidden(1));
    return out.dataSync()[0];
  });
}

const model = new GRUModule(1, 24, 1);
train(model);
console.log('count(1,0,1,1,0,0,1,0,0,0) ~', predictCount(model, [1, 0, 1, 1, 0, 0, 1, 0, 0, 0]).toFixed(2));
