// expect: none
// Trains a PyTorch-style recurrent dialogue-act tagger on independent conversations and keeps weights in localStorage.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

interface Conversation {
  utterances: number[][];
  acts: number[];
}

const STORAGE_KEY = 'act-tagger-weights-v1';

class ActTagger {
  readonly params: Record<string, tf.Variable>;

  constructor(readonly inputSize: number, readonly hiddenSize: number, readonly numActs: number) {
    const stored = localStorage.getItem(STORAGE_KEY);
    const saved: Record<string, { shape: number[]; values: number[] }> | null = stored ? JSON.parse(stored) : null;
    const v = (name: string, shape: number[]) =>
      tf.variable(saved ? tf.tensor(saved[name].values, saved[name].shape) : tf.randomNormal(shape, 0, 0.08), true, name);
    this.params = {
      wih: v('wih', [inputSize, hiddenSize]),
      whh: v('whh', [hiddenSize, hiddenSize]),
      bh: v('bh', [hiddenSize]),
      who: v('who', [hiddenSize, numActs]),
      bo: v('bo', [numActs]),
    };
  }

  initHidden(): tf.Tensor2D {
    return tf.zeros([1, this.hiddenSize]);
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): { logits: tf.Tensor2D; hidden: tf.Tensor2D } {
    const p = this.params;
    const next = tf.tanh(tf.add(tf.add(tf.matMul(input, p.wih), tf.matMul(hidden, p.whh)), p.bh)) as tf.Tensor2D;
    const logits = tf.add(tf.matMul(next, p.who), p.bo) as tf.Tensor2D;
    return { logits, hidden: next };
  }

  save(): void {
    const out: Record<string, { shape: number[]; values: number[] }> = {};
    for (const [name, t] of Object.entries(this.params)) out[name] = { shape: t.shape, values: Array.from(t.dataSync()) };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(out));
  }
}

export function train(model: ActTagger, data: Conversation[], epochs = 10): void {
  const optimizer = tf.train.adam(2e-3);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (const convo of data) {
      const { value, grads } = tf.variableGrads(() => {
        let hidden = model.initHidden();
        const losses: tf.Scalar[] = [];
        convo.utterances.forEach((u, t) => {
          const out = model.forward(tf.tensor2d([u]), hidden);
          hidden = out.hidden;
          const target = tf.oneHot(tf.tensor1d([convo.acts[t]], 'int32'), model.numActs);
          losses.push(tf.losses.softmaxCrossEntropy(target, out.logits) as tf.Scalar);
        });
        return tf.mean(tf.stack(losses)) as tf.Scalar;
      }, Object.values(model.params));
      optimizer.applyGradients(grads);
      total += value.dataSync()[0];
      tf.dispose([value, ...Object.values(grads)]);
    }
    model.save();
    console.log(`epoch ${epoch}: loss ${(total / data.length).toFixed(4)}, tensors ${tf.memory().numTensors}`);
  }
}

export function tag(model: ActTagger, utterances: number[][]): number[] {
  return tf.tidy(() => {
    let hidden = model.initHidden();
    return utterances.map((u) => {
      const out = model.forward(tf.tensor2d([u]), hidden);
      hidden = out.hidden;
      return tf.argMax(out.logits, 1).dataSync()[0];
    });
  });
}

export { ActTagger };
