// expect: stale-state
// Stack of recurrent layers for the DNA motif scorer; BiRecurrentLayer runs the base layer both ways.
import * as tf from '@tensorflow/tfjs';

class SimpleCell {
  constructor(inputDim, units, seed) {
    this.units = units;
    this.W = tf.variable(tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed));
    this.U = tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1));
  }

  step(x, h) {
    return tf.tanh(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)));
  }
}

export class RecurrentLayer {
  constructor(inputDim, units, seed = 1) {
    this.units = units;
    this.outDim = units;
    this.cell = new SimpleCell(inputDim, units, seed);
  }

  initial(batch) {
    return tf.zeros([batch, this.units]);
  }

  // seq: array of [batch, inputDim] tensors -> array of [batch, units]
  run(seq) {
    const h = this.initial(seq[0].shape[0]);
    return seq.map((x) => {
      const hNext = this.cell.step(x, h);
      return hNext;
    });
  }
}

export class BiRecurrentLayer extends RecurrentLayer {
  constructor(inputDim, units, seed = 1) {
    super(inputDim, units, seed);
    this.backward = new RecurrentLayer(inputDim, units, seed + 50);
    this.outDim = 2 * units;
  }

  run(seq) {
    const fwd = super.run(seq);
    const bwd = this.backward.run([...seq].reverse()).reverse();
    return fwd.map((f, t) => tf.concat([f, bwd[t]], 1));
  }
}

export class LayerStack {
  constructor(inputDim, sizes) {
    this.layers = [];
    let dim = inputDim;
    sizes.forEach((units, i) => {
      const layer = i === 0 ? new BiRecurrentLayer(dim, units, 10 * i + 1) : new RecurrentLayer(dim, units, 10 * i + 1);
      this.layers.push(layer);
      dim = layer.outDim;
    });
  }

  forward(batch) {
    return tf.tidy(() => {
      const seq = tf.unstack(batch, 1);
      const top = this.layers.reduce((acc, layer) => layer.run(acc), seq);
      return top[top.length - 1];
    });
  }
}

const BASES = { A: [1, 0, 0, 0], C: [0, 1, 0, 0], G: [0, 0, 1, 0], T: [0, 0, 0, 1] };

export function oneHot(strands) {
  return tf.tensor3d(strands.map((s) => Array.from(s).map((b) => BASES[b])));
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const stack = new LayerStack(4, [6, 4]);
  stack.forward(oneHot(['ACGTAC', 'TTTTAC', 'GGGGAC'])).print();
}
