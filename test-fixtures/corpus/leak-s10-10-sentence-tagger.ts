// expect: state-leak
// HTTP-style handler that runs a two-layer GRU tagger over each posted sentence and returns one tag per token.
import * as tf from '@tensorflow/tfjs';

type LayerState = tf.Tensor2D;
type StackState = LayerState[];

class GRULayer {
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;

  constructor(inDim: number, readonly units: number) {
    this.wx = tf.randomNormal([inDim, 3 * units], 0, 0.3);
    this.wh = tf.randomNormal([units, 3 * units], 0, 0.3);
  }

  forward(x: tf.Tensor2D, h: LayerState): LayerState {
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.wx), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.wh), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
  }
}

export class TaggerService {
  private readonly layers: GRULayer[];
  private readonly embeddings: tf.Tensor2D;
  private readonly tagProj: tf.Tensor2D;
  private states: StackState | null = null;

  constructor(private readonly vocab: Map<string, number>, readonly tags: string[], dim = 16, units = 32) {
    this.embeddings = tf.randomNormal([vocab.size + 1, dim], 0, 0.5);
    this.layers = [new GRULayer(dim, units), new GRULayer(units, units)];
    this.tagProj = tf.randomNormal([units, tags.length], 0, 0.3);
  }

  private initialStates(): StackState {
    return this.layers.map((l) => tf.zeros([1, l.units]) as tf.Tensor2D);
  }

  private tokenIds(sentence: string): number[] {
    return sentence
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => this.vocab.get(w) ?? this.vocab.size);
  }

  tagSentence(sentence: string): string[] {
    const ids = this.tokenIds(sentence);
    if (this.states === null) this.states = this.initialStates();
    const out: string[] = [];
    for (const id of ids) {
      const prev: StackState = this.states;
      const [best, next] = tf.tidy((): [tf.Tensor, StackState] => {
        let x = tf.gather(this.embeddings, [id]) as tf.Tensor2D;
        const updated = prev.map((h, l): LayerState => (x = this.layers[l].forward(x, h)));
        const tag = tf.argMax(tf.matMul(x, this.tagProj), 1);
        return [tag, updated];
      });
      tf.dispose(prev);
      this.states = next;
      out.push(this.tags[best.dataSync()[0]]);
      best.dispose();
    }
    return out;
  }

  async handle(req: { body: { userId: string; text: string } }): Promise<{ userId: string; tags: string[] }> {
    const tags = this.tagSentence(req.body.text);
    return { userId: req.body.userId, tags };
  }
}

if (require.main === module) {
  const words = ['the', 'cat', 'sat', 'on', 'mat', 'dog', 'ran'];
  const svc = new TaggerService(new Map(words.map((w, i) => [w, i])), ['DET', 'NOUN', 'VERB', 'ADP']);
  (async () => {
    for (const [userId, text] of [['u1', 'the cat sat on the mat'], ['u2', 'the dog ran'], ['u3', 'the cat sat on the mat']]) {
      console.log(await svc.handle({ body: { userId, text } }));
    }
  })();
}
