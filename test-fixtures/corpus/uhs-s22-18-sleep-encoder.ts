// expect: unused-hidden-state
// Sleep staging on a wearable: each 30-second epoch of sensor features continues the GRU from the previous epoch.
import * as tf from '@tensorflow/tfjs';

const STAGES = ['wake', 'N1', 'N2', 'N3', 'REM'];

export class SleepStager {
  private readonly gru: tf.layers.Layer;
  private readonly head: tf.layers.Layer;

  constructor(private readonly units = 16, features = 6) {
    this.gru = tf.layers.gru({
      units,
      returnState: true,
      kernelInitializer: tf.initializers.glorotUniform({ seed: 131 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 132 }),
      inputShape: [null, features],
    });
    this.head = tf.layers.dense({
      units: STAGES.length,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 133 }),
    });
  }

  zeroState(): tf.Tensor2D {
    return tf.zeros([1, this.units]);
  }

  forward(input: tf.Tensor3D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const [out, hNew] = this.gru.apply(input, { initial_state: hidden }) as tf.Tensor[];
    const probs = this.head.apply(out) as tf.Tensor2D;
    return [probs, hNew as tf.Tensor2D];
  }
}

export async function stageNight(stager: SleepStager, epochs: AsyncIterable<number[][]>): Promise<string[]> {
  const hypnogram: string[] = [];
  let hidden = stager.zeroState();
  for await (const epoch of epochs) {
    const [probs, hNext] = tf.tidy(() => stager.forward(tf.tensor3d([epoch]), hidden));
    hidden.dispose();
    hidden = hNext;
    const p = await probs.data();
    probs.dispose();
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    hypnogram.push(STAGES[best]);
  }
  hidden.dispose();
  return hypnogram;
}

async function* recordedNight(n: number): AsyncGenerator<number[][]> {
  for (let e = 0; e < n; e++) {
    const depth = Math.sin((e / n) * Math.PI * 4);
    const rows: number[][] = [];
    for (let s = 0; s < 30; s++) {
      rows.push([depth, Math.cos(s / 5) * 0.1, 0.5 - depth * 0.3, (e % 7) / 7, 0.2, s / 30]);
    }
    yield rows;
  }
}

if (require.main === module) {
  stageNight(new SleepStager(), recordedNight(20)).then((h) => {
    console.log(h.join(' '));
    console.log('tensors', tf.memory().numTensors);
  });
}
