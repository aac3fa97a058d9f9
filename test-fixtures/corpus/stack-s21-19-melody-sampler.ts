// expect: stacked-activation
// Learns a little C-major melody with an LSTM and then samples new notes with a temperature knob
import * as tf from '@tensorflow/tfjs';

const NOTES = ['C', 'D', 'E', 'F', 'G', 'A', 'B', 'C5'];
const N = NOTES.length;
const CONTEXT = 4;
const TEMPERATURE = 0.5;

// twinkle twinkle-ish, repeated
const melody = 'C C G G A A G F F E E D D C G G F F E E D G G F F E E D C C G G A A G F F E E D D C'
  .split(' ')
  .map((n) => NOTES.indexOf(n));

const model = tf.sequential();
model.add(tf.layers.embedding({ inputDim: N, outputDim: 6, inputLength: CONTEXT }));
model.add(tf.layers.lstm({ units: 32 }));
model.add(tf.layers.dense({ units: N, activation: 'softmax' }));
model.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

function buildXY() {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i + CONTEXT < melody.length; i++) {
    xs.push(melody.slice(i, i + CONTEXT));
    ys.push(melody[i + CONTEXT]);
  }
  return { x: tf.tensor2d(xs), y: tf.oneHot(tf.tensor1d(ys, 'int32'), N) };
}

async function main() {
  const { x, y } = buildXY();
  await model.fit(x, y, {
    epochs: 60,
    batchSize: 8,
    verbose: 0,
    callbacks: {
      onEpochEnd: (epoch, logs) => {
        if ((epoch + 1) % 20 === 0) console.log(`epoch ${epoch + 1} loss=${logs?.loss.toFixed(3)} acc=${logs?.acc.toFixed(3)}`);
      },
    },
  });

  let context = melody.slice(0, CONTEXT);
  const song: string[] = context.map((i) => NOTES[i]);
  for (let i = 0; i < 16; i++) {
    const next = sampleNext(context);
    song.push(NOTES[next]);
    context = [...context.slice(1), next];
  }
  console.log('generated:', song.join(' '));

  const dist = await nextNoteDistribution(melody.slice(0, CONTEXT));
  console.log('distribution after', melody.slice(0, CONTEXT).map((i) => NOTES[i]).join(' '), ':');
  dist.forEach((p, i) => console.log('  ', NOTES[i].padEnd(3), p.toFixed(3)));
}

function sampleNext(context: number[]): number {
  return tf.tidy(() => {
    const out = model.predict(tf.tensor2d([context])) as tf.Tensor2D;
    const probs = toProbabilities(out.div(TEMPERATURE));
    return tf.multinomial(probs.log() as tf.Tensor2D, 1).dataSync()[0];
  });
}

async function nextNoteDistribution(context: number[]): Promise<number[]> {
  const probs = tf.tidy(() => toProbabilities((model.predict(tf.tensor2d([context])) as tf.Tensor2D).div(TEMPERATURE)));
  const arr = Array.from(await probs.data());
  probs.dispose();
  return arr;
}

function toProbabilities(scores: tf.Tensor): tf.Tensor {
  return tf.softmax(scores);
}

main();
