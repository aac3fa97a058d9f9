// expect: stacked-activation, state-leak
// Decides which app screens to prefetch for each user from their recent navigation, using a stateful GRU.
import * as tf from '@tensorflow/tfjs';

export const SCREENS = ['home', 'search', 'cart', 'profile', 'settings', 'checkout'] as const;
export type Screen = (typeof SCREENS)[number];

const STEPS = 3;
const PREFETCH_THRESHOLD = 0.5;

export function createPlanner(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, STEPS, SCREENS.length] }));
  model.add(tf.layers.dense({ units: SCREENS.length, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}

const encode = (path: readonly Screen[]) =>
  tf.oneHot(tf.tensor1d(path.map((s) => SCREENS.indexOf(s)), 'int32'), SCREENS.length).expandDims(0);

export class PrefetchPlanner {
  readonly #model: tf.LayersModel;
  readonly #history = new Map<string, Screen[]>();

  constructor(model = createPlanner()) {
    this.#model = model;
  }

  async plan(userId: string, visits: readonly Screen[]): Promise<Screen[]> {
    const all = [...(this.#history.get(userId) ?? []), ...visits];
    this.#history.set(userId, all.slice(-20));
    let scores: Float32Array | Int32Array | Uint8Array = new Float32Array(SCREENS.length);

    for (let i = 0; i + STEPS <= visits.length; i += STEPS) {
      const out = tf.tidy(() => {
        const probs = this.#model.predict(encode(visits.slice(i, i + STEPS))) as tf.Tensor2D;
        return tf.sigmoid(probs);
      });
      scores = await out.data();
      out.dispose();
    }
    return SCREENS.filter((_, k) => (scores[k] ?? 0) > PREFETCH_THRESHOLD);
  }

  async planAll(batch: ReadonlyArray<{ userId: string; visits: Screen[] }>) {
    const result: Record<string, Screen[]> = {};
    for (const { userId, visits } of batch) {
      result[userId] = await this.plan(userId, visits);
    }
    return result;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const planner = new PrefetchPlanner();
  const traffic = [
    { userId: 'u-17', visits: ['home', 'search', 'cart', 'checkout', 'home', 'profile'] },
    { userId: 'u-42', visits: ['home', 'settings', 'profile'] },
    { userId: 'u-99', visits: ['search', 'search', 'cart'] },
  ] satisfies Array<{ userId: string; visits: Screen[] }>;
  const plans = await planner.planAll(traffic);
  for (const [user, screens] of Object.entries(plans)) console.log(user, '->', screens.join(', ') || '(nothing)');
}
