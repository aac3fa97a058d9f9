// A decoder reached through a typed parameter (`decoder: AttnDecoder`) is resolved to its class:
// its step carries `hidden` only, and the encoder memory it reads every step is not a state (the
// attention's own `forward(query, memory)` is not the step called).
import * as tf from '@tensorflow/tfjs';

export type Memory = { keys: tf.Tensor3D; mask: tf.Tensor2D };

export class DotAttention {
  forward(query: tf.Tensor2D, memory: Memory): tf.Tensor2D {
    const scores = tf.squeeze(tf.matMul(memory.keys, tf.expandDims(query, 2)), [2]);
    const weights = tf.softmax(tf.add(scores, tf.mul(tf.sub(1, memory.mask), -1e9)));
    return tf.squeeze(tf.matMul(tf.expandDims(weights, 1), memory.keys), [1]) as tf.Tensor2D;
  }
}

export class AttnDecoder {
  private readonly attention = new DotAttention();
  private readonly wh = tf.variable(tf.randomNormal([16, 16], 0, 0.1));
  private readonly wo = tf.variable(tf.randomNormal([32, 30], 0, 0.1));

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D, memory: Memory): { probs: tf.Tensor2D; hidden: tf.Tensor2D } {
    const h = tf.tanh(input.add(tf.matMul(hidden, this.wh))) as tf.Tensor2D;
    const context = this.attention.forward(h, memory);
    const probs = tf.softmax(tf.matMul(tf.concat([context, h], 1), this.wo)) as tf.Tensor2D;
    return { probs, hidden: h };
  }
}

export function greedyDecode(decoder: AttnDecoder, embedding: tf.Tensor2D, memory: Memory, h0: tf.Tensor2D, steps: number): tf.Tensor1D[] {
  let prev = tf.zeros([h0.shape[0]], 'int32') as tf.Tensor1D;
  let hidden = h0;
  const tokens: tf.Tensor1D[] = [];
  for (let t = 0; t < steps; t++) {
    const out = decoder.forward(tf.gather(embedding, prev) as tf.Tensor2D, hidden, memory);
    hidden = out.hidden;
    prev = tf.argMax(out.probs, 1) as tf.Tensor1D;
    tokens.push(prev);
  }
  return tokens;
}

export class Translator {
  constructor(private readonly decoder: AttnDecoder, private readonly embedding: tf.Tensor2D) {}

  run(memory: Memory, h0: tf.Tensor2D, steps: number): tf.Tensor2D {
    let hidden = h0;
    let prev = tf.zeros([h0.shape[0]], 'int32') as tf.Tensor1D;
    for (let t = 0; t < steps; t++) {
      const out = this.decoder.forward(tf.gather(this.embedding, prev) as tf.Tensor2D, hidden, memory);
      hidden = out.hidden;
      prev = tf.argMax(out.probs, 1) as tf.Tensor1D;
    }
    return hidden;
  }
}
