// expect: state-leak
// melody model: stateful LSTM that reads each song in chunks of 8 notes and learns to guess the next note
import * as tf from '@tensorflow/tfjs';

const NOTES = 12;
const CHUNK = 8;
const BATCH = 1;
let EPOCHS = 3;

// pretend dataset: each song is a list of pitch classes
function makeSong(root: number, len: number): number[] {
  const scale = [0, 2, 4, 5, 7, 9, 11];
  const song: number[] = [];
  let pos = 0;
  for (let i = 0; i < len; i++) {
    pos = Math.max(0, Math.min(scale.length - 1, pos + Math.floor(Math.random() * 3) - 1));
    song.push((root + scale[pos]) % NOTES);
  }
  return song;
}
export const songs: number[][] = [makeSong(0, 41), makeSong(7, 33), makeSong(5, 49), makeSong(2, 25)];

export const model = tf.sequential();
model.add(tf.layers.lstm({ units: 24, stateful: true, returnSequences: true, batchInputShape: [BATCH, CHUNK, NOTES] }));
model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: NOTES, activation: 'softmax' }) }));
model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });

export function chunkify(song: number[]): Array<{ xs: tf.Tensor3D; ys: tf.Tensor3D }> {
  const out: Array<{ xs: tf.Tensor3D; ys: tf.Tensor3D }> = [];
  for (let start = 0; start + CHUNK + 1 <= song.length; start += CHUNK) {
    const inp = song.slice(start, start + CHUNK);
    const tgt = song.slice(start + 1, start + CHUNK + 1);
    const xs = tf.tidy(() => tf.oneHot(tf.tensor1d(inp, 'int32'), NOTES).toFloat().reshape([1, CHUNK, NOTES])) as tf.Tensor3D;
    const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(tgt, 'int32'), NOTES).toFloat().reshape([1, CHUNK, NOTES])) as tf.Tensor3D;
    out.push({ xs, ys });
  }
  return out;
}

export async function trainAll(onSongStart?: (s: number) => void) {
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    model.resetStates();
    let lossSum = 0;
    let n = 0;
    for (let s = 0; s < songs.length; s++) {
      if (onSongStart) onSongStart(s);
      const chunks = chunkify(songs[s]);
      for (const { xs, ys } of chunks) {
        const loss = (await model.trainOnBatch(xs, ys)) as number;
        lossSum += loss;
        n++;
        xs.dispose();
        ys.dispose();
      }
      await tf.nextFrame();
    }
    console.log(`epoch ${epoch + 1}/${EPOCHS}  avg loss ${(lossSum / n).toFixed(4)}  tensors=${tf.memory().numTensors}`);
  }
}

if (require.main === module) {
  trainAll().then(() => console.log('done training on', songs.length, 'songs'));
}
