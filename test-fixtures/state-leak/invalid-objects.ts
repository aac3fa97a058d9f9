// State kept in an object or a tf.Variable, advanced sequence after sequence without a reset.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wx = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wr = tf.variable(tf.randomNormal([H, 1], 0, 0.1));

// Within a dialog the bot must remember; between dialogs it must forget.
export class Bot {
  private memory: tf.Tensor = tf.zeros([1, H]);

  constructor(private readonly cell: tf.layers.RNNCell) {}

  reset(): void {
    this.memory = tf.zeros([1, H]);
  }

  hear(utterance: tf.Tensor2D): tf.Tensor {
    const [reply, next] = this.cell.call([utterance, this.memory], {}) as tf.Tensor[];
    this.memory = next!;
    return reply!;
  }
}

export function replayDialogs(bot: Bot, dialogs: tf.Tensor2D[][]): tf.Tensor[] {
  const replies: tf.Tensor[] = [];
  for (const dialog of dialogs) {
    for (const utterance of dialog) {
      replies.push(bot.hear(utterance));
//                 ~~~~~~~~~~~~~~~~~~~ state-leak
    }
  }
  return replies;
}

// The state lives in a tf.Variable updated with assign(); it is never zeroed between patients.
const h = tf.variable(tf.zeros([1, H]), false);

export function riskScores(patients: { visits: tf.Tensor2D[] }[]): number[] {
  const scores: number[] = [];
  for (const patient of patients) {
    for (const visit of patient.visits) {
      h.assign(tf.tanh(tf.matMul(visit, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D);
//    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
    }
    scores.push(tf.sigmoid(tf.matMul(h, Wr)).dataSync()[0]!);
  }
  return scores;
}

// A tf.data pipeline: each element is a batch of independent sequences, the state runs across them.
export async function overDataset(ds: tf.data.Dataset<tf.Tensor2D[]>): Promise<tf.Tensor2D> {
  let state = tf.zeros([1, H]) as tf.Tensor2D;
  await ds.forEachAsync((batch) => {
    for (let t = 0; t < batch.length; t++) state = tf.tanh(tf.matMul(batch[t]!, Wx).add(tf.matMul(state, Wh))) as tf.Tensor2D;
//                                                                                                ~~~~~ state-leak
  });
  return state;
}
