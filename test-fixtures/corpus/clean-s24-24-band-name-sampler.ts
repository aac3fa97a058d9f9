// expect: none
// Generates fake band names from a char-level RNN: tanh hidden state, linear projection, softmax with temperature.
import * as tf from '@tensorflow/tfjs';

const CHARS = ' abcdefghijklmnopqrstuvwxyz.' as const; // '.' terminates a name
const V = CHARS.length;

class Scope implements Disposable {
  readonly #tensors = new Set<tf.Tensor>();
  track<T extends tf.Tensor>(t: T): T {
    this.#tensors.add(t);
    return t;
  }
  [Symbol.dispose](): void {
    tf.dispose([...this.#tensors]);
    this.#tensors.clear();
  }
}

export class CharSampler {
  readonly #scope = new Scope();
  readonly #wx: tf.Tensor2D;
  readonly #wh: tf.Tensor2D;
  readonly #bh: tf.Tensor1D;
  readonly #wy: tf.Tensor2D;
  readonly #by: tf.Tensor1D;

  constructor(readonly units = 32, seed = 1234) {
    const s = this.#scope;
    this.#wx = s.track(tf.randomNormal([V, units], 0, 0.5, 'float32', seed));
    this.#wh = s.track(tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1));
    this.#bh = s.track(tf.zeros([units]));
    this.#wy = s.track(tf.randomNormal([units, V], 0, 0.8, 'float32', seed + 2));
    this.#by = s.track(tf.zeros([V]));
  }

  #next(charId: number, h: tf.Tensor2D, temperature: number): [probs: tf.Tensor1D, h: tf.Tensor2D] {
    const x = tf.oneHot([charId], V).toFloat();
    const hNext = tf.tanh(x.matMul(this.#wx).add(h.matMul(this.#wh)).add(this.#bh)) as tf.Tensor2D;
    const logits = hNext.matMul(this.#wy).add(this.#by).div(temperature);
    return [tf.softmax(logits).squeeze([0]) as tf.Tensor1D, hNext];
  }

  sample(count: number, { temperature = 0.8, maxLen = 14, rng = Math.random } = {}): string[] {
    const names: string[] = [];
    for (let n = 0; n < count; n++) {
      const name = tf.tidy(() => {
        let h: tf.Tensor2D = tf.zeros([1, this.units]);
        let id = 0; // start from the space character
        let out = '';
        while (out.length < maxLen) {
          const [probs, hNext] = this.#next(id, h, temperature);
          h = hNext;
          const p = probs.dataSync();
          let r = rng();
          id = p.findIndex((q) => (r -= q) <= 0);
          if (id < 0) id = V - 1;
          if (CHARS[id] === '.') break;
          out += CHARS[id];
        }
        return out;
      });
      names.push(name.trim().replace(/\b\w/g, (c) => c.toUpperCase()) || '(silence)');
    }
    return names;
  }

  [Symbol.dispose](): void {
    this.#scope[Symbol.dispose]();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let seed = 7;
  const rng = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const sampler = new CharSampler();
  console.log(sampler.sample(5, { temperature: 0.7, rng }));
  console.log(sampler.sample(3, { temperature: 1.5, rng }));
  sampler[Symbol.dispose]();
  console.log('tensors left:', tf.memory().numTensors);
}
