// A stateful model kept outside the function that runs each sequence through it: a module's model
// scoring one session per call, and a handler factory's model scoring one request per call.
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 1, 2] }));
model.add(tf.layers.dense({ units: 1 }));

export function scoreSession(readings: number[][]): number[] {
  const out: number[] = [];
  for (const r of readings) {
    const y = model.predict(tf.tensor3d([[r]])) as tf.Tensor;
//            ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
    out.push(y.dataSync()[0]!);
  }
  return out;
}

interface Request { id: string; bpm: number[] }

export function createHandler(net: tf.LayersModel) {
  async function score(req: Request): Promise<number[]> {
    const risks: number[] = [];
    for (let t = 0; t < req.bpm.length; t++) {
      const y = net.predict(tf.tensor3d([[[req.bpm[t]!, 0]]])) as tf.Tensor;
//              ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
      risks.push((await y.data())[0]!);
    }
    return risks;
  }
  return (req: Request) => score(req);
}

function buildScorer(): tf.LayersModel {
  const m = tf.sequential();
  m.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, 1, 2] }));
  m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return m;
}

export const handler = createHandler(buildScorer());
