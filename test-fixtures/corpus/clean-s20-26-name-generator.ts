// expect: none
// Invents new pet names: trains a SimpleRNN char model, then samples with a stateful copy that restarts per name.
import * as tf from '@tensorflow/tfjs';

const NAMES = ['bella', 'luna', 'charlie', 'lucy', 'max', 'bailey', 'daisy', 'cooper', 'sadie', 'lola',
  'buddy', 'molly', 'stella', 'tucker', 'bear', 'zoey', 'duke', 'harley', 'maggie', 'jax', 'bentley',
  'milo', 'oliver', 'riley', 'rocky', 'penny', 'sophie', 'chloe', 'jack', 'lily', 'nala', 'rosie'];
const END = '.';
const CHARS = [END, ...Array.from(new Set(NAMES.join(''))).sort()];
const V = CHARS.length;
const MAXLEN = Math.max(...NAMES.map((n) => n.length)) + 1;
const UNITS = 48;

function hiddenAndHead(stateful: boolean): tf.layers.Layer[] {
  return [
    tf.layers.simpleRNN({
      units: UNITS,
      returnSequences: true,
      stateful,
      ...(stateful ? { batchInputShape: [1, 1, V] } : { inputShape: [MAXLEN, V] }),
    }),
    tf.layers.timeDistributed({ layer: tf.layers.dense({ units: V, activation: 'softmax' }) }),
  ];
}

function encode(): { xs: tf.Tensor3D; ys: tf.Tensor3D } {
  const xIds: number[][] = [];
  const yIds: number[][] = [];
  for (const name of NAMES) {
    const ids = [...name].map((c) => CHARS.indexOf(c));
    const x = [0, ...ids];
    const y = [...ids, 0];
    while (x.length < MAXLEN) x.push(0);
    while (y.length < MAXLEN) y.push(0);
    xIds.push(x.slice(0, MAXLEN));
    yIds.push(y.slice(0, MAXLEN));
  }
  return tf.tidy(() => ({
    xs: tf.oneHot(tf.tensor2d(xIds, undefined, 'int32'), V).toFloat() as tf.Tensor3D,
    ys: tf.oneHot(tf.tensor2d(yIds, undefined, 'int32'), V).toFloat() as tf.Tensor3D,
  }));
}

async function sampleName(sampler: tf.Sequential, temperature: number): Promise<string> {
  sampler.resetStates();
  let prev = 0;
  let out = '';
  for (let i = 0; i < MAXLEN + 4; i++) {
    const next = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor2d([[prev]], [1, 1], 'int32'), V).toFloat();
      const probs = (sampler.predict(x) as tf.Tensor).reshape([1, V]);
      const scaled = tf.div(tf.log(tf.add(probs, 1e-7)), temperature);
      return tf.multinomial(scaled as tf.Tensor2D, 1);
    });
    prev = (await next.data())[0];
    next.dispose();
    if (prev === 0) break;
    out += CHARS[prev];
  }
  return out;
}

async function main(): Promise<void> {
  const trainer = tf.sequential({ layers: hiddenAndHead(false) });
  trainer.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  const { xs, ys } = encode();
  const h = await trainer.fit(xs, ys, { epochs: 60, batchSize: 8, verbose: 0 });
  const loss = h.history['loss'] as number[];
  console.log('loss', loss[0].toFixed(3), '->', loss[loss.length - 1].toFixed(3));

  const sampler = tf.sequential({ layers: hiddenAndHead(true) });
  sampler.setWeights(trainer.getWeights());
  const names: string[] = [];
  for (let i = 0; i < 8; i++) names.push(await sampleName(sampler, 0.6));
  console.log(names.join(', '));
  tf.dispose([xs, ys]);
}

main();
