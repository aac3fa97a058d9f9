// expect: state-leak
// Offline policy evaluation: replays logged warehouse-robot episodes through a recurrent policy and reports agreement.
import * as tf from '@tensorflow/tfjs';

const OBS = 5;
const ACTIONS = 4;
const UNITS = 10;

type Episode = { id: number; observations: number[][]; loggedActions: number[] };

class RecurrentPolicy {
  private hidden: tf.Tensor2D = tf.zeros([1, UNITS]);
  private readonly wObs = tf.randomNormal([OBS, UNITS], 0, 0.5, 'float32', 601) as tf.Tensor2D;
  private readonly wRec = tf.randomNormal([UNITS, UNITS], 0, 0.5, 'float32', 602) as tf.Tensor2D;
  private readonly wPi = tf.randomNormal([UNITS, ACTIONS], 0, 0.8, 'float32', 603) as tf.Tensor2D;

  act(observation: number[]): number[] {
    const [probs, next] = tf.tidy(() => {
      const x = tf.tensor2d([observation]);
      const h = tf.tanh(x.matMul(this.wObs).add(this.hidden.matMul(this.wRec))) as tf.Tensor2D;
      return [tf.softmax(h.matMul(this.wPi)), h] as [tf.Tensor2D, tf.Tensor2D];
    });
    this.hidden.dispose();
    this.hidden = next;
    const p = Array.from(probs.dataSync());
    probs.dispose();
    return p;
  }

  dispose(): void {
    tf.dispose([this.hidden, this.wObs, this.wRec, this.wPi]);
  }
}

function* episodeSource(count: number): Generator<Episode> {
  for (let id = 0; id < count; id++) {
    const len = 6;
    const observations = Array.from({ length: len }, (_, t) =>
      Array.from({ length: OBS }, (_, k) => Math.cos((id % 2) * 1.7 + t * 0.4 + k)),
    );
    const loggedActions = observations.map((o) => (o[0] > 0 ? (o[1] > 0 ? 0 : 1) : o[2] > 0 ? 2 : 3));
    yield { id, observations, loggedActions };
  }
}

type Row = { id: number; agreement: number; logLik: number; actions: string };

export async function evaluate(count: number): Promise<Row[]> {
  const policy = new RecurrentPolicy();
  const report: Row[] = [];
  const episodes = tf.data.generator(() => episodeSource(count) as unknown as Iterator<tf.TensorContainer>);

  await episodes.forEachAsync((item) => {
    const ep = item as unknown as Episode;
    const actions: number[] = [];
    let agree = 0;
    let logLik = 0;
    ep.observations.forEach((obs, t) => {
      const probs = policy.act(obs);
      const a = probs.indexOf(Math.max(...probs));
      actions.push(a);
      if (a === ep.loggedActions[t]) agree++;
      logLik += Math.log(probs[ep.loggedActions[t]]);
    });
    const n = ep.observations.length;
    report.push({ id: ep.id, agreement: agree / n, logLik: logLik / n, actions: actions.join('') });
  });

  policy.dispose();
  return report;
}

if (require.main === module) {
  evaluate(4)
    .then((rows) => {
      for (const r of rows) console.log(`episode ${r.id}: agreement=${(r.agreement * 100).toFixed(0)}% logLik=${r.logLik.toFixed(4)} actions=${r.actions}`);
      const mean = rows.reduce((s, r) => s + r.agreement, 0) / rows.length;
      console.log(`mean agreement ${(mean * 100).toFixed(1)}%`);
    })
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
