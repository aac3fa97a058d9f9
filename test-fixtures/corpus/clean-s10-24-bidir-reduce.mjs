// expect: none
// Bidirectional GRU tagger for named-entity spans: forward pass with reduce, backward pass with reduceRight, softmax per token.
import * as tf from '@tensorflow/tfjs';

const param = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.2));

export class GRUCell {
  constructor(inputSize, hiddenSize) {
    this.hiddenSize = hiddenSize;
    this.W = param([inputSize, 3 * hiddenSize]);
    this.U = param([hiddenSize, 3 * hiddenSize]);
  }

  initHidden(batch) {
    return tf.zeros([batch, this.hiddenSize]);
  }

  forward(input, hidden) {
    const [xz, xr, xn] = tf.split(tf.matMul(input, this.W), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(hidden, this.U), 3, 1);
    const z = tf.sigmoid(xz.add(hz));
    const r = tf.sigmoid(xr.add(hr));
    const n = tf.tanh(xn.add(r.mul(hn)));
    return z.mul(hidden).add(tf.sub(1, z).mul(n));
  }
}

export class BiGRU {
  constructor(inputSize, hiddenSize) {
    this.fwd = new GRUCell(inputSize, hiddenSize);
    this.bwd = new GRUCell(inputSize, hiddenSize);
  }

  /** steps: array of [batch, features] -> array of [batch, 2*hidden] */
  forward(steps) {
    const batch = steps[0].shape[0];
    const forward = steps.reduce(
      (acc, x) => {
        const h = this.fwd.forward(x, acc.h);
        return { h, outs: [...acc.outs, h] };
      },
      { h: this.fwd.initHidden(batch), outs: [] },
    );
    const backward = steps.reduceRight(
      (acc, x) => {
        const h = this.bwd.forward(x, acc.h);
        return { h, outs: [h, ...acc.outs] };
      },
      { h: this.bwd.initHidden(batch), outs: [] },
    );
    return forward.outs.map((f, t) => tf.concat([f, backward.outs[t]], 1));
  }
}

export class EntityTagger {
  constructor({ vocabSize, dim = 16, hidden = 24, tags }) {
    this.tags = tags;
    this.embedding = param([vocabSize, dim]);
    this.birnn = new BiGRU(dim, hidden);
    this.proj = param([2 * hidden, hidden]);
    this.out = param([hidden, tags.length]);
  }

  tag(tokenIds) {
    return tf.tidy(() => {
      const steps = tokenIds.map((id) => tf.gather(this.embedding, tf.tensor1d([id], 'int32')));
      const states = this.birnn.forward(steps);
      return states.map((s) => {
        const hiddenLayer = tf.tanh(tf.matMul(s, this.proj));
        const probs = tf.softmax(tf.matMul(hiddenLayer, this.out));
        return this.tags[tf.argMax(probs, 1).dataSync()[0]];
      });
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tagger = new EntityTagger({ vocabSize: 50, tags: ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'] });
  console.log(tagger.tag([4, 17, 9, 33, 2]));
  console.log('tensors', tf.memory().numTensors);
}
