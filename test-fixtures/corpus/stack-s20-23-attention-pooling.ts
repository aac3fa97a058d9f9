// expect: stacked-activation
// LSTM + additive attention pooling layer that finds which position of a sequence holds the "trigger" token.
import * as tf from '@tensorflow/tfjs';

const STEPS = 12;
const VOCAB = 20;
const TRIGGER = 7;

function timeScores(hs: tf.Tensor3D, w: tf.Tensor2D, v: tf.Tensor2D): tf.Tensor2D {
  // additive (Bahdanau-style) attention: v^T tanh(W h_t)
  const [b, t, d] = hs.shape;
  const proj = tf.tanh(tf.matMul(hs.reshape([b * t, d]), w));
  const logits = tf.matMul(proj, v).reshape([b, t]);
  return tf.softmax(logits, 1) as tf.Tensor2D;
}

export class AttentionPooling extends tf.layers.Layer {
  static className = 'AttentionPooling';
  private w!: tf.LayerVariable;
  private v!: tf.LayerVariable;

  constructor(private readonly attnUnits: number, config: { name?: string } = {}) {
    super(config);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    const d = shape[2] as number;
    this.w = this.addWeight('attn_w', [d, this.attnUnits], 'float32', tf.initializers.glorotUniform({}));
    this.v = this.addWeight('attn_v', [this.attnUnits, 1], 'float32', tf.initializers.glorotUniform({}));
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = inputShape as tf.Shape;
    return [shape[0], shape[2]];
  }

  attentionWeights(hs: tf.Tensor3D): tf.Tensor2D {
    return tf.softmax(timeScores(hs, this.w.read() as tf.Tensor2D, this.v.read() as tf.Tensor2D), 1) as tf.Tensor2D;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const hs = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const alpha = this.attentionWeights(hs);
      return tf.sum(tf.mul(hs, alpha.expandDims(2)), 1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), attnUnits: this.attnUnits };
  }
}
tf.serialization.registerClass(AttentionPooling);

function data(n: number): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const pos = Math.floor(Math.random() * STEPS);
    const row = Array.from({ length: STEPS }, () => {
      let tok = 1 + Math.floor(Math.random() * (VOCAB - 1));
      while (tok === TRIGGER) tok = 1 + Math.floor(Math.random() * (VOCAB - 1));
      return tok;
    });
    row[pos] = TRIGGER;
    xs.push(row);
    ys.push(pos < STEPS / 2 ? 0 : 1);
  }
  return {
    xs: tf.tensor2d(xs, undefined, 'int32'),
    ys: tf.tidy(() => tf.oneHot(tf.tensor1d(ys, 'int32'), 2).toFloat() as tf.Tensor2D),
  };
}

async function main(): Promise<void> {
  const pooling = new AttentionPooling(16);
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: VOCAB, outputDim: 8, inputLength: STEPS }),
      tf.layers.lstm({ units: 16, returnSequences: true }),
      pooling,
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const { xs, ys } = data(800);
  await model.fit(xs, ys, { epochs: 10, batchSize: 32, verbose: 0 });

  const probe = xs.slice([0, 0], [1, STEPS]);
  const hidden = tf.model({ inputs: model.inputs, outputs: model.layers[1].output as tf.SymbolicTensor });
  const hs = hidden.predict(probe) as tf.Tensor3D;
  const alpha = pooling.attentionWeights(hs);
  console.log('tokens ', probe.arraySync()[0].join(' '));
  console.log('weights', Array.from(alpha.dataSync()).map((a) => a.toFixed(2)).join(' '));
  tf.dispose([xs, ys, probe, hs, alpha]);
}

main();
