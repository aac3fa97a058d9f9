// expect: stale-state, tidy-disposed-state
// Sequence tagger service: tags each document's token vectors and remembers the final state per document for follow-ups.
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  start(): S;
  step(x: tf.Tensor, s: S): readonly [tf.Tensor, S];
}

export namespace Tagger {
  export interface Options {
    readonly dim: number;
    readonly units: number;
    readonly tags: number;
  }

  export function gru(opts: Options): Cell<tf.Tensor> {
    const { dim, units, tags } = opts;
    const w = tf.variable(tf.randomNormal([dim, 3 * units], 0, 0.3, 'float32', 21));
    const u = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.3, 'float32', 22));
    const out = tf.variable(tf.randomNormal([units, tags], 0, 0.3, 'float32', 23));
    return {
      start: () => tf.zeros([1, units]),
      step: (x, h) => {
        const [zx, rx, nx] = tf.split(x.matMul(w), 3, 1);
        const [zh, rh, nh] = tf.split(h.matMul(u), 3, 1);
        const z = tf.sigmoid(zx.add(zh));
        const r = tf.sigmoid(rx.add(rh));
        const n = tf.tanh(nx.add(r.mul(nh)));
        const next = tf.sub(1, z).mul(n).add(z.mul(h));
        return [tf.softmax(next.matMul(out)), next] as const;
      },
    };
  }
}

export class TaggingService<S> {
  private readonly finalStates = new Map<string, S>();
  private readonly h0: S;

  constructor(private readonly cell: Cell<S>) {
    this.h0 = cell.start();
  }

  private run(tokens: readonly number[][]): { tags: tf.Tensor; last: S } {
    const ys: tf.Tensor[] = [];
    let last = this.h0;
    for (const tok of tokens) {
      const [y, next] = this.cell.step(tf.tensor2d([tok]), this.h0);
      ys.push(y);
      last = next;
    }
    return { tags: tf.concat(ys, 0).argMax(1), last };
  }

  tag(docId: string, tokens: readonly number[][]): number[] {
    const tags = tf.tidy(() => {
      const { tags, last } = this.run(tokens);
      this.finalStates.set(docId, last);
      return tags;
    });
    const ids = Array.from(tags.dataSync());
    tags.dispose();
    return ids;
  }

  stateOf(docId: string): S | undefined {
    return this.finalStates.get(docId);
  }
}

if (require.main === module) {
  const service = new TaggingService(Tagger.gru({ dim: 4, units: 6, tags: 3 }));
  const doc = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]];
  console.log(service.tag('doc-1', doc));
  console.log(service.tag('doc-2', doc.slice().reverse()));
}
