// expect: none
// Concurrency-limited pool that encodes uploaded GPS tracks with an Elman RNN and buckets them by travel mode.
import * as tf from '@tensorflow/tfjs';

type Track = { id: string; points: Array<[number, number]> };
type Encoded = { id: string; mode: string; confidence: number };

const UNITS = 12;
const MODES = ['walk', 'bike', 'car'];

const enc = {
  wx: tf.randomNormal([2, UNITS], 0, 0.5, 'float32', 1301) as tf.Tensor2D,
  wh: tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', 1302) as tf.Tensor2D,
  b: tf.zeros([UNITS]) as tf.Tensor1D,
  cls: tf.randomNormal([UNITS, MODES.length], 0, 0.8, 'float32', 1303) as tf.Tensor2D,
};

function elmanStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  let pre = x.matMul(enc.wx) as tf.Tensor2D;
  pre = pre.add(h.matMul(enc.wh));
  pre = pre.add(enc.b);
  return tf.tanh(pre);
}

function unrollFrom(steps: tf.Tensor2D[], i: number, h: tf.Tensor2D): tf.Tensor2D {
  return i >= steps.length ? h : unrollFrom(steps, i + 1, elmanStep(steps[i], h));
}

function toSteps(points: Array<[number, number]>): tf.Tensor2D[] {
  const steps: tf.Tensor2D[] = [];
  for (let i = 1; i < points.length; i++) {
    const [lat0, lon0] = points[i - 1];
    const [lat1, lon1] = points[i];
    steps.push(tf.tensor2d([[(lat1 - lat0) * 1000, (lon1 - lon0) * 1000]]));
  }
  return steps;
}

async function encodeTrack(track: Track): Promise<Encoded> {
  const probs = tf.tidy(() => {
    const h0 = tf.zeros([1, UNITS]) as tf.Tensor2D;
    const hLast = unrollFrom(toSteps(track.points), 0, h0);
    return tf.softmax(hLast.matMul(enc.cls));
  });
  const p = Array.from(await probs.data());
  probs.dispose();
  const best = p.indexOf(Math.max(...p));
  return { id: track.id, mode: MODES[best], confidence: Number(p[best].toFixed(3)) };
}

async function mapPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let cursor = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (cursor < items.length) {
      const idx = cursor++;
      results[idx] = await fn(items[idx]);
    }
  });
  await Promise.all(workers);
  return results;
}

function syntheticTrack(id: string, speed: number, n: number): Track {
  const points: Array<[number, number]> = [];
  for (let t = 0; t < n; t++) points.push([52.52 + speed * t * 1e-4, 13.4 + speed * Math.sin(t / 3) * 1e-4]);
  return { id, points };
}

export async function handleBatchUpload(req: { body: { tracks: Track[] } }): Promise<{ status: number; results: Encoded[] }> {
  const valid = req.body.tracks.filter((t) => t.points.length >= 2);
  const results = await mapPool(valid, 3, encodeTrack);
  return { status: 200, results };
}

if (require.main === module) {
  const tracks = [
    syntheticTrack('t1', 1, 10),
    syntheticTrack('t2', 4, 10),
    syntheticTrack('t3', 12, 14),
    syntheticTrack('t1-copy', 1, 10),
    { id: 'empty', points: [] },
  ];
  handleBatchUpload({ body: { tracks } }).then((res) => {
    for (const r of res.results) console.log(`${r.id.padEnd(8)} ${r.mode.padEnd(5)} ${r.confidence}`);
    console.log(`tensors alive: ${tf.memory().numTensors}`);
  });
}
