// expect: none
// Waveform classifier (sine / square / sawtooth): GRU + dense softmax head trained with fitDataset and validation.
import * as tf from '@tensorflow/tfjs';

const LEN = 32;
const CLASSES = ['sine', 'square', 'saw'];

function waveform(kind: number): number[][] {
  const period = 6 + Math.random() * 10;
  const phase = Math.random() * period;
  return Array.from({ length: LEN }, (_, t) => {
    const u = ((t + phase) % period) / period;
    const v = kind === 0 ? Math.sin(2 * Math.PI * u) : kind === 1 ? (u < 0.5 ? 1 : -1) : 2 * u - 1;
    return [v + 0.1 * (Math.random() - 0.5)];
  });
}

function makeDataset(count: number, batch: number): tf.data.Dataset<tf.TensorContainer> {
  return tf.data
    .generator(function* () {
      for (let i = 0; i < count; i++) {
        const kind = i % CLASSES.length;
        yield { xs: waveform(kind), ys: CLASSES.map((_, j) => (j === kind ? 1 : 0)) };
      }
    })
    .shuffle(count)
    .batch(batch);
}

export function buildModel(): { model: tf.LayersModel; encoder: tf.LayersModel; head: tf.layers.Layer } {
  const input = tf.input({ shape: [LEN, 1] });
  const hidden = tf.layers.gru({ units: 24, activation: 'tanh', name: 'gru' }).apply(input) as tf.SymbolicTensor;
  const head = tf.layers.dense({ units: CLASSES.length, activation: 'softmax', name: 'head' });
  const probs = head.apply(hidden) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: probs });
  const encoder = tf.model({ inputs: input, outputs: hidden });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return { model, encoder, head };
}

export async function trainWaveforms(): Promise<tf.History> {
  const { model, encoder, head } = buildModel();
  let bestVal = Infinity;
  let waited = 0;
  const history = await model.fitDataset(makeDataset(360, 32), {
    epochs: 12,
    validationData: makeDataset(96, 32),
    verbose: 0,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        const valLoss = logs?.val_loss ?? Infinity;
        console.log(`epoch ${epoch + 1}: loss ${logs?.loss.toFixed(4)} val_loss ${valLoss.toFixed(4)} val_acc ${logs?.val_acc.toFixed(3)}`);
        if (valLoss < bestVal - 1e-3) {
          bestVal = valLoss;
          waited = 0;
        } else if (++waited >= 2) {
          model.stopTraining = true;
        }
      },
    },
  });

  // Recompute the head by hand from the GRU's last hidden state as a sanity check.
  tf.tidy(() => {
    const probe = tf.tensor3d([waveform(0), waveform(1), waveform(2)]);
    const h = encoder.predict(probe) as tf.Tensor2D;
    const [kernel, bias] = head.getWeights();
    const manual = tf.softmax(h.matMul(kernel).add(bias));
    const direct = model.predict(probe) as tf.Tensor2D;
    console.log('max |manual - predict| =', manual.sub(direct).abs().max().dataSync()[0].toExponential(2));
    console.log('predicted:', Array.from(direct.argMax(1).dataSync()).map((i) => CLASSES[i]).join(', '));
  });
  return history;
}

if (require.main === module) {
  trainWaveforms().then((h) => console.log(`trained for ${h.epoch.length} epochs`));
}
