// expect: stale-state
// Seq2seq GRU encoder/decoder with teacher forcing, ported from the PyTorch translation tutorial (toy reverse-the-digits task).
import * as tf from '@tensorflow/tfjs';

const SOS_token = 0;
const EOS_token = 1;
const VOCAB = 12; // SOS, EOS, digits 0-9
const hidden_size = 32;
const teacher_forcing_ratio = 0.5;

class GRUCell {
  W: tf.Variable; U: tf.Variable; b: tf.Variable;
  constructor(input_size: number, public hidden_size: number) {
    this.W = tf.variable(tf.randomNormal([input_size, 3 * hidden_size], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([hidden_size, 3 * hidden_size], 0, 0.1));
    this.b = tf.variable(tf.zeros([3 * hidden_size]));
  }
  forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.W).add(this.b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.U), 3, 1);
    const z = tf.sigmoid(xz.add(hz));
    const r = tf.sigmoid(xr.add(hr));
    const n = tf.tanh(xn.add(r.mul(hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
  }
}

class EncoderRNN {
  embedding = tf.variable(tf.randomNormal([VOCAB, hidden_size], 0, 0.1));
  gru = new GRUCell(hidden_size, hidden_size);
  forward(input: number, hidden: tf.Tensor2D): tf.Tensor2D {
    const embedded = tf.gather(this.embedding, [input]) as tf.Tensor2D;
    return this.gru.forward(embedded, hidden);
  }
  initHidden(): tf.Tensor2D { return tf.zeros([1, hidden_size]); }
}

class DecoderRNN {
  embedding = tf.variable(tf.randomNormal([VOCAB, hidden_size], 0, 0.1));
  gru = new GRUCell(hidden_size, hidden_size);
  out = tf.variable(tf.randomNormal([hidden_size, VOCAB], 0, 0.1));
  forward(input: number, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const embedded = tf.relu(tf.gather(this.embedding, [input])) as tf.Tensor2D;
    const h = this.gru.forward(embedded, hidden);
    const output = tf.logSoftmax(tf.matMul(h, this.out)) as tf.Tensor2D;
    return [output, h];
  }
}

const encoder = new EncoderRNN();
const decoder = new DecoderRNN();
const optimizer = tf.train.adam(0.01);

export function trainPair(input_tensor: number[], target_tensor: number[]): number {
  const use_teacher_forcing = Math.random() < teacher_forcing_ratio;
  const loss = optimizer.minimize(() => {
    let encoder_hidden = encoder.initHidden();
    for (const tok of input_tensor) {
      encoder_hidden = encoder.forward(tok, encoder_hidden);
    }

    let decoder_input = SOS_token;
    const decoder_hidden = encoder_hidden;
    let loss = tf.scalar(0);
    for (const target of target_tensor) {
      const [decoder_output, hidden] = decoder.forward(decoder_input, decoder_hidden);
      loss = loss.sub(decoder_output.gather([target], 1).sum());
      if (use_teacher_forcing) {
        decoder_input = target; // Teacher forcing
      } else {
        decoder_input = decoder_output.argMax(1).dataSync()[0];
      }
      encoder_hidden = hidden;
      if (decoder_input === EOS_token) break;
    }
    return loss.div(target_tensor.length) as tf.Scalar;
  }, true) as tf.Scalar;
  const v = loss.dataSync()[0];
  loss.dispose();
  return v;
}

function randomPair(): [number[], number[]] {
  const len = 3 + Math.floor(Math.random() * 3);
  const digits = Array.from({length: len}, () => 2 + Math.floor(Math.random() * 10));
  return [[...digits, EOS_token], [...digits.slice().reverse(), EOS_token]];
}

export function trainIters(n_iters: number, print_every = 50): void {
  let print_loss_total = 0;
  for (let iter = 1; iter <= n_iters; iter++) {
    const [input_tensor, target_tensor] = randomPair();
    print_loss_total += trainPair(input_tensor, target_tensor);
    if (iter % print_every === 0) {
      console.log(`iter ${iter} loss ${(print_loss_total / print_every).toFixed(4)}`);
      print_loss_total = 0;
    }
  }
}

trainIters(100);
