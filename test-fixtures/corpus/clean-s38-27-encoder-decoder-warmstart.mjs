// expect: none
// Two-stage captioner: stage one stores each clip's encoder state as JSON, stage two warm-starts a GRU decoder from it.
import * as tf from '@tensorflow/tfjs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const BOS = 1;
const EOS = 2;

function gru(W, x, h) {
  return tf.tidy(() => {
    const z = tf.sigmoid(tf.add(tf.matMul(x, W.wz), tf.matMul(h, W.uz)));
    const r = tf.sigmoid(tf.add(tf.matMul(x, W.wr), tf.matMul(h, W.ur)));
    const n = tf.tanh(tf.add(tf.matMul(x, W.wn), tf.matMul(tf.mul(r, h), W.un)));
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
  });
}

export async function encodeClip(E, clip, outDir) {
  let h = tf.zeros([1, E.uz.shape[0]]);
  for (const frame of clip.frames) {
    const x = tf.tensor2d([frame]);
    const next = gru(E, x, h);
    tf.dispose([x, h]);
    h = next;
  }
  const record = { clipId: clip.id, shape: h.shape, h: Array.from(await h.data()) };
  await writeFile(join(outDir, `${clip.id}.json`), JSON.stringify(record));
  h.dispose();
}

export async function decodeClip(D, stateFile, maxLen = 24) {
  const saved = JSON.parse(await readFile(stateFile, 'utf8'));
  let h = tf.tensor(saved.h, saved.shape);
  let token = BOS;
  const caption = [];

  for (let t = 0; t < maxLen; t++) {
    const x = tf.gather(D.embed, [token]);
    const hNext = gru(D, x, h);
    const id = tf.tidy(() => tf.argMax(tf.matMul(hNext, D.proj), 1));
    token = (await id.data())[0];
    tf.dispose([x, id, h]);
    h = hNext;
    if (token === EOS) break;
    caption.push(D.vocab[token]);
  }
  h.dispose();
  return { clipId: saved.clipId, caption: caption.join(' ') };
}

async function loadWeights(file) {
  const json = JSON.parse(await readFile(file, 'utf8'));
  const out = { vocab: json.vocab };
  for (const [k, v] of Object.entries(json.tensors)) out[k] = tf.tensor(v.values, v.shape);
  return out;
}

export async function run(clipsFile, stateDir = './clip-states') {
  await mkdir(stateDir, { recursive: true });
  const clips = JSON.parse(await readFile(clipsFile, 'utf8'));
  const E = await loadWeights('./clip-encoder.json');
  for (const clip of clips) await encodeClip(E, clip, stateDir);

  const D = await loadWeights('./caption-decoder.json');
  const captions = [];
  for (const clip of clips) {
    const before = tf.memory().numTensors;
    captions.push(await decodeClip(D, join(stateDir, `${clip.id}.json`)));
    if (tf.memory().numTensors !== before) console.warn(`leaked ${tf.memory().numTensors - before} tensors on ${clip.id}`);
  }
  await writeFile('./captions.json', JSON.stringify(captions, null, 2));
  return captions;
}
