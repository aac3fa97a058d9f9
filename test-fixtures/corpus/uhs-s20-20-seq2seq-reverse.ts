// expect: unused-hidden-state
// Keras-style LSTM encoder-decoder (teacher forcing) that learns to reverse short digit strings.
import * as tf from '@tensorflow/tfjs';

const DIGITS = 10;
const START = 10;
const TOKENS = 11;
const LEN = 5;
const UNITS = 48;

const oneHot3 = (rows: number[][]): tf.Tensor3D =>
  tf.tidy(() => tf.oneHot(tf.tensor2d(rows, undefined, 'int32'), TOKENS).toFloat() as tf.Tensor3D);

function buildSeq2Seq(): { trainer: tf.LayersModel; encoder: tf.LayersModel; decoderStep: tf.LayersModel } {
  const encIn = tf.input({ shape: [LEN, TOKENS], name: 'encoder_in' });
  const [, encH, encC] = tf.layers.lstm({ units: UNITS, returnState: true, name: 'encoder' })
    .apply(encIn) as tf.SymbolicTensor[];

  const decIn = tf.input({ shape: [null, TOKENS], name: 'decoder_in' });
  const decoderLstm = tf.layers.lstm({ units: UNITS, returnSequences: true, returnState: true, name: 'decoder' });
  const [decSeq] = decoderLstm.apply(decIn, { initial_state: [encH, encC] }) as tf.SymbolicTensor[];
  const project = tf.layers.dense({ units: TOKENS, activation: 'softmax', name: 'project' });
  const probs = project.apply(decSeq) as tf.SymbolicTensor;

  const trainer = tf.model({ inputs: [encIn, decIn], outputs: probs });
  trainer.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const encoder = tf.model({ inputs: encIn, outputs: [encH, encC] });

  const stepIn = tf.input({ shape: [1, TOKENS] });
  const hIn = tf.input({ shape: [UNITS] });
  const cIn = tf.input({ shape: [UNITS] });
  const [stepSeq, hOut, cOut] = decoderLstm.apply(stepIn, { initial_state: [hIn, cIn] }) as tf.SymbolicTensor[];
  const stepProbs = project.apply(stepSeq) as tf.SymbolicTensor;
  const decoderStep = tf.model({ inputs: [stepIn, hIn, cIn], outputs: [stepProbs, hOut, cOut] });
  return { trainer, encoder, decoderStep };
}

function examples(n: number): { src: number[][]; decIn: number[][]; target: number[][] } {
  const src: number[][] = [];
  const decIn: number[][] = [];
  const target: number[][] = [];
  for (let i = 0; i < n; i++) {
    const s = Array.from({ length: LEN }, () => Math.floor(Math.random() * DIGITS));
    const rev = [...s].reverse();
    src.push(s);
    target.push(rev);
    decIn.push([START, ...rev.slice(0, LEN - 1)]);
  }
  return { src, decIn, target };
}

async function translate(encoder: tf.LayersModel, decoderStep: tf.LayersModel, digits: number[]): Promise<number[]> {
  const src = oneHot3([digits]);
  let [h, c] = encoder.predict(src) as tf.Tensor[];
  let token = START;
  const out: number[] = [];
  for (let t = 0; t < LEN; t++) {
    const x = oneHot3([[token]]);
    const [p, hNext, cNext] = decoderStep.predict([x, h, c]) as tf.Tensor[];
    token = (await p.reshape([TOKENS]).argMax().data())[0];
    out.push(token);
    tf.dispose([x, p, h, c]);
    h = hNext;
    c = cNext;
  }
  tf.dispose([src, h, c]);
  return out;
}

async function main(): Promise<void> {
  const { trainer, encoder, decoderStep } = buildSeq2Seq();
  const { src, decIn, target } = examples(1500);
  const xs = [oneHot3(src), oneHot3(decIn)];
  const ys = oneHot3(target);
  const hist = await trainer.fit(xs, ys, { epochs: 15, batchSize: 64, verbose: 0 });
  const acc = (hist.history['acc'] ?? hist.history['accuracy']) as number[];
  console.log('token accuracy', acc[acc.length - 1].toFixed(3));
  const probe = [3, 1, 4, 1, 5];
  console.log(probe.join(''), '->', (await translate(encoder, decoderStep, probe)).join(''));
  tf.dispose([...xs, ys]);
}

main();
