// expect: returns-input-state
// Sentence encoder for our summariser: an LSTM over word embeddings whose final (h, c) seeds the summary decoder.
import * as tf from '@tensorflow/tfjs';

export type HC = [tf.Tensor2D, tf.Tensor2D];

export class LstmEncoder {
  private readonly embeddings: tf.Variable;
  private readonly wx: tf.Variable;
  private readonly wh: tf.Variable;
  private readonly b: tf.Variable;

  constructor(vocabSize: number, embDim: number, readonly units: number, seed = 0) {
    this.embeddings = tf.variable(tf.randomNormal([vocabSize, embDim], 0, 0.5, 'float32', seed));
    this.wx = tf.variable(tf.randomNormal([embDim, 4 * units], 0, 0.3, 'float32', seed + 1));
    this.wh = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 2));
    const forgetBias = tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]);
    this.b = tf.variable(forgetBias);
  }

  private cellStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): HC {
    const z = tf.addN([
      tf.matMul(x, this.wx as tf.Tensor2D),
      tf.matMul(h, this.wh as tf.Tensor2D),
      tf.reshape(this.b, [1, -1]),
    ]) as tf.Tensor2D;
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const cNew = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg))) as tf.Tensor2D;
    const hNew = tf.mul(tf.sigmoid(zo), tf.tanh(cNew)) as tf.Tensor2D;
    return [hNew, c];
  }

  /** Runs the whole sentence and returns per-token outputs plus the final (h, c). */
  encode(tokenIds: number[]): { outputs: tf.Tensor2D; final: HC } {
    return tf.tidy(() => {
      let h = tf.zeros([1, this.units]) as tf.Tensor2D;
      let c = tf.zeros([1, this.units]) as tf.Tensor2D;
      const outputs: tf.Tensor2D[] = [];
      for (const id of tokenIds) {
        const x = tf.gather(this.embeddings, [id]) as tf.Tensor2D;
        [h, c] = this.cellStep(x, h, c);
        outputs.push(h);
      }
      return { outputs: tf.concat(outputs, 0), final: [h, c] as HC };
    });
  }
}

export function makeBridge(encoderUnits: number, decoderUnits: number, seed = 99): (final: HC) => HC {
  // the decoder is wider than the encoder, so both h and c get their own projection
  const projH = tf.randomNormal([encoderUnits, decoderUnits], 0, 0.3, 'float32', seed) as tf.Tensor2D;
  const projC = tf.randomNormal([encoderUnits, decoderUnits], 0, 0.3, 'float32', seed + 1) as tf.Tensor2D;
  return ([h, c]: HC) => tf.tidy(() => [tf.tanh(tf.matMul(h, projH)), tf.matMul(c, projC)] as HC);
}

if (require.main === module) {
  const encoder = new LstmEncoder(50, 12, 16);
  const { outputs, final } = encoder.encode([4, 17, 9, 33, 2, 41]);
  console.log('outputs', outputs.shape);
  const bridge = makeBridge(16, 32);
  const [h0, c0] = bridge(final);
  console.log('decoder init', h0.shape, c0.shape);
  final[1].print();
}
