// expect: unused-hidden-state
// Live "name origin" guess for a signup form: the RNN consumes characters as they are typed and carries its state between keystrokes.
import * as tf from '@tensorflow/tfjs';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz -\'';
export const ORIGINS = ['english', 'italian', 'japanese', 'polish'] as const;

export class NameOriginModel {
  readonly units: number;
  readonly #rnn: tf.layers.Layer;
  readonly #head: tf.layers.Layer;

  constructor(units = 24) {
    this.units = units;
    this.#rnn = tf.layers.simpleRNN({ units, returnState: true, recurrentInitializer: 'glorotNormal' });
    this.#head = tf.layers.dense({ units: ORIGINS.length, activation: 'softmax' });
  }

  static encode(chars: string): tf.Tensor3D {
    const ids = [...chars.toLowerCase()].map((c) => Math.max(0, ALPHABET.indexOf(c)));
    return tf.oneHot(tf.tensor1d(ids, 'int32'), ALPHABET.length).expandDims(0).toFloat() as tf.Tensor3D;
  }

  /** Consume a chunk of characters starting from `hidden`; returns [probs, newHidden]. */
  forward(chunk: tf.Tensor3D, hidden: tf.Tensor2D): [probs: tf.Tensor2D, hidden: tf.Tensor2D] {
    const [, h] = this.#rnn.apply(chunk, { initial_state: hidden }) as tf.Tensor[];
    const probs = this.#head.apply(h!) as tf.Tensor2D;
    return [probs, h as tf.Tensor2D];
  }

  initialHidden(): tf.Tensor2D {
    return tf.zeros([1, this.units]);
  }
}

/** Mirrors the input element: one call per `input` event. */
export function createLiveGuesser(model = new NameOriginModel()) {
  let hidden = model.initialHidden();
  let typed = '';

  return {
    onInput(value: string): { origin: (typeof ORIGINS)[number]; p: number } | null {
      if (!value.startsWith(typed)) {
        hidden.dispose();
        hidden = model.initialHidden();
        typed = '';
      }
      const fresh = value.slice(typed.length);
      typed = value;
      if (!fresh) return null;
      const [probs, next] = tf.tidy(() => model.forward(NameOriginModel.encode(fresh), hidden));
      hidden.dispose();
      hidden = next;
      const p = Array.from(probs.dataSync());
      probs.dispose();
      const best = p.indexOf(Math.max(...p));
      return { origin: ORIGINS[best] ?? 'english', p: p[best] ?? 0 };
    },
    dispose: () => hidden.dispose(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const guesser = createLiveGuesser();
  for (const value of ['k', 'ko', 'kow', 'kowa', 'kowal', 'kowalski']) {
    const g = guesser.onInput(value);
    console.log(value.padEnd(10), g?.origin, g?.p.toFixed(3));
  }
  guesser.dispose();
}
