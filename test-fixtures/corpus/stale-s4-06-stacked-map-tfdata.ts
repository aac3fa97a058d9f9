// expect: stale-state
// Node/tf.data feature extractor: a three-layer stacked simple RNN whose per-layer states live in a Map; encodeSequence() reads each layer's state from the Map every timestep but only forwards next.h upward and never writes it back.
import * as tf from '@tensorflow/tfjs';

declare const console: { log(...args: unknown[]): void };

interface LayerParams { Wx: tf.Tensor2D; Wh: tf.Tensor2D; b: tf.Tensor1D }
interface LayerState { h: tf.Tensor2D }

const DIMS = [16, 64, 64, 32];

function makeLayers(seed = 7): LayerParams[] {
  return DIMS.slice(1).map((out, i) => ({
    Wx: tf.randomNormal([DIMS[i], out], 0, 0.1, 'float32', seed + i) as tf.Tensor2D,
    Wh: tf.randomNormal([out, out], 0, 0.1, 'float32', seed + 10 + i) as tf.Tensor2D,
    b: tf.zeros([out]) as tf.Tensor1D,
  }));
}

function rnnLayerStep(p: LayerParams, x: tf.Tensor2D, s: LayerState): LayerState {
  const h = tf.tanh(tf.matMul(x, p.Wx).add(tf.matMul(s.h, p.Wh)).add(p.b)) as tf.Tensor2D;
  return { h };
}

function encodeSequence(layers: LayerParams[], frames: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const layerStates = new Map<number, LayerState>();
    layers.forEach((p, l) => layerStates.set(l, { h: tf.zeros([1, p.Wh.shape[0]]) as tf.Tensor2D }));
    const steps = tf.unstack(frames) as tf.Tensor1D[];
    let top: tf.Tensor2D | null = null;
    for (const frame of steps) {
      let input = frame.expandDims(0) as tf.Tensor2D;
      for (let l = 0; l < layers.length; l++) {
        const s = layerStates.get(l)!;
        const next = rnnLayerStep(layers[l], input, s);
        input = next.h;
      }
      top = input;
    }
    return top!.squeeze() as tf.Tensor1D;
  });
}

async function main(): Promise<void> {
  const layers = makeLayers();
  const seqs = tf.data.generator(function* () {
    for (let i = 0; i < 200; i++) {
      const len = 20 + Math.floor(Math.random() * 30);
      yield tf.randomUniform([len, DIMS[0]]);
    }
  });
  const embeddings: number[][] = [];
  await seqs.take(200).forEachAsync((seq) => {
    const emb = encodeSequence(layers, seq as tf.Tensor2D);
    embeddings.push(Array.from(emb.dataSync()));
    tf.dispose([emb, seq]);
  });
  const mean = embeddings[0].map((_, j) => embeddings.reduce((a, e) => a + e[j], 0) / embeddings.length);
  console.log('encoded', embeddings.length, 'sequences; mean[0..4] =', mean.slice(0, 4).map((v) => v.toFixed(3)));
  console.log('live tensors', tf.memory().numTensors);
}

main();
