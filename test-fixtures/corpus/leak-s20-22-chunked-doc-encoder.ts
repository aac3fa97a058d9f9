// expect: state-leak
// Encodes long documents chunk by chunk with an LSTM encoder model, carrying the LSTM state across chunks.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 200;
const EMBED = 16;
const UNITS = 32;
const CHUNK = 16;

interface Doc {
  id: string;
  tokens: number[];
}

export function buildChunkEncoder(): tf.LayersModel {
  const tokens = tf.input({ shape: [CHUNK], dtype: 'int32', name: 'tokens' });
  const h0 = tf.input({ shape: [UNITS], name: 'h0' });
  const c0 = tf.input({ shape: [UNITS], name: 'c0' });
  const embedded = tf.layers.embedding({
    inputDim: VOCAB,
    outputDim: EMBED,
    embeddingsInitializer: tf.initializers.randomNormal({ stddev: 1 }),
  }).apply(tokens);
  const [, h, c] = tf.layers.lstm({ units: UNITS, returnState: true, unitForgetBias: true })
    .apply(embedded, { initialState: [h0, c0] }) as tf.SymbolicTensor[];
  return tf.model({ inputs: [tokens, h0, c0], outputs: [h, c] });
}

function chunks(tokens: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < tokens.length; i += CHUNK) {
    const piece = tokens.slice(i, i + CHUNK);
    while (piece.length < CHUNK) piece.push(0);
    out.push(piece);
  }
  return out;
}

export function encodeCorpus(encoder: tf.LayersModel, docs: Doc[]): Map<string, tf.Tensor> {
  const embeddings = new Map<string, tf.Tensor>();
  let h: tf.Tensor = tf.zeros([1, UNITS]);
  let c: tf.Tensor = tf.zeros([1, UNITS]);
  for (const doc of docs) {
    for (const piece of chunks(doc.tokens)) {
      const x = tf.tensor2d([piece], [1, CHUNK], 'int32');
      const [hNext, cNext] = encoder.predict([x, h, c]) as tf.Tensor[];
      tf.dispose([x, h, c]);
      h = hNext;
      c = cNext;
    }
    embeddings.set(doc.id, h.clone());
  }
  tf.dispose([h, c]);
  return embeddings;
}

function distance(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.norm(tf.sub(a, b)).dataSync()[0]);
}

function randomDoc(id: string, length: number, topic: number): Doc {
  const tokens = Array.from({ length }, () =>
    1 + ((topic * 40 + Math.floor(Math.random() * 60)) % (VOCAB - 1)));
  return { id, tokens };
}

function main(): void {
  const encoder = buildChunkEncoder();
  const a = randomDoc('a', 24, 0);
  const b = randomDoc('b', 20, 2);
  const corpus = [a, b, { ...a, id: 'a-copy' }, randomDoc('c', 40, 4)];
  const emb = encodeCorpus(encoder, corpus);
  for (const other of ['a-copy', 'b', 'c']) {
    console.log(`dist(a, ${other}) = ${distance(emb.get('a')!, emb.get(other)!).toExponential(3)}`);
  }
  emb.forEach((t) => t.dispose());
}

main();
