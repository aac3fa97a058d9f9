// expect: bptt-cut
// Command-line trainer for a small character-level RNN on a text file, with flags for epochs, sequence length and learning rate.
/// <reference types="node" />
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';

interface Flags {
  file: string;
  epochs: number;
  seqLen: number;
  hidden: number;
  lr: number;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { file: 'input.txt', epochs: 5, seqLen: 25, hidden: 100, lr: 1e-2 };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, '').split('=');
    const val = inline ?? argv[++i];
    switch (key) {
      case 'file': flags.file = val; break;
      case 'epochs': flags.epochs = parseInt(val, 10); break;
      case 'seq-len': flags.seqLen = parseInt(val, 10); break;
      case 'hidden': flags.hidden = parseInt(val, 10); break;
      case 'lr': flags.lr = parseFloat(val); break;
      default: throw new Error(`unknown flag --${key}`);
    }
  }
  return flags;
}

const flags = parseFlags(process.argv.slice(2));
const text = readFileSync(flags.file, 'utf8');
const chars = Array.from(new Set(text)).sort();
const V = chars.length;
const charToIx = new Map(chars.map((c, i) => [c, i] as [string, number]));
const H = flags.hidden;

const Wxh = tf.variable(tf.randomNormal([V, H], 0, 0.01), true, 'Wxh');
const Whh = tf.variable(tf.randomNormal([H, H], 0, 0.01), true, 'Whh');
const bh = tf.variable(tf.zeros([H]), true, 'bh');
const Why = tf.variable(tf.randomNormal([H, V], 0, 0.01), true, 'Why');
const by = tf.variable(tf.zeros([V]), true, 'by');

const optimizer = tf.train.adagrad(flags.lr);

function oneHot(ix: number): tf.Tensor2D {
  return tf.oneHot(tf.tensor1d([ix], 'int32'), V).toFloat() as tf.Tensor2D;
}

// Forward pass over one chunk; keeps every hidden state for the output layer.
function runSequence(inputs: number[], hPrev: tf.Tensor2D): tf.Tensor2D[] {
  const states: tf.Tensor2D[] = [];
  let h = hPrev;
  for (const ix of inputs) {
    h = tf.tanh(tf.addN([tf.matMul(oneHot(ix), Wxh), tf.matMul(h, Whh), bh])) as tf.Tensor2D;
    states.push(h);
  }
  return states;
}

function chunkLoss(states: tf.Tensor2D[], targets: number[]): tf.Scalar {
  const logits = tf.concat(states.map((h) => tf.add(tf.matMul(h, Why), by)), 0);
  const labels = tf.oneHot(tf.tensor1d(targets, 'int32'), V);
  return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
}

function train() {
  console.log(`data has ${text.length} characters, ${V} unique`);
  for (let epoch = 0; epoch < flags.epochs; epoch++) {
    let smooth = Math.log(V);
    for (let p = 0; p + flags.seqLen + 1 < text.length; p += flags.seqLen) {
      const inputs = Array.from(text.slice(p, p + flags.seqLen), (c) => charToIx.get(c)!);
      const targets = Array.from(text.slice(p + 1, p + flags.seqLen + 1), (c) => charToIx.get(c)!);

      const cost = tf.tidy(() => {
        const h0 = tf.zeros([1, H]) as tf.Tensor2D;
        const states = runSequence(inputs, h0);
        return optimizer.minimize(() => chunkLoss(states, targets), true) as tf.Scalar;
      });

      if (cost) {
        smooth = 0.999 * smooth + 0.001 * cost.dataSync()[0];
        cost.dispose();
      }
      if ((p / flags.seqLen) % 1000 === 0) {
        console.log(`epoch ${epoch} pos ${p}: loss ${smooth.toFixed(3)} tensors=${tf.memory().numTensors}`);
      }
    }
  }
}

train();
