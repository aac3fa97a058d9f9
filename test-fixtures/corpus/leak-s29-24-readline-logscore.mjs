// expect: state-leak
// CLI: `cat app.log | node logscore.mjs` prints an anomaly score for every log line using a token-level GRU.
import * as readline from 'node:readline';
import * as tf from '@tensorflow/tfjs';

const VOCAB = 256;
const UNITS = 16;

const g = {
  embed: tf.randomNormal([VOCAB, 8], 0, 1, 'float32', 141),
  w: tf.randomNormal([8, 3 * UNITS], 0, 0.4, 'float32', 142),
  u: tf.randomNormal([UNITS, 3 * UNITS], 0, 0.3, 'float32', 143),
  b: tf.zeros([3 * UNITS]),
  out: tf.randomNormal([UNITS, VOCAB], 0, 0.3, 'float32', 144),
};

const tokenOf = (word) => {
  const w = word.replace(/\d+/g, '#');
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (h * 33 + w.charCodeAt(i)) & 0xff;
  return h;
};

function gru(x, h) {
  const [xz, xr, xn] = tf.split(tf.matMul(x, g.w).add(g.b), 3, 1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, g.u), 3, 1);
  const z = tf.sigmoid(xz.add(hz));
  const r = tf.sigmoid(xr.add(hr));
  const n = tf.tanh(xn.add(r.mul(hn)));
  return tf.sub(1, z).mul(n).add(z.mul(h));
}

export async function scoreLines(lines, onScore) {
  let h = tf.zeros([1, UNITS]);
  const scores = [];
  for await (const line of lines) {
    const tokens = line.split(/\s+/).filter(Boolean).map(tokenOf);
    if (tokens.length < 2) continue;
    let surprise = 0;
    for (let t = 0; t < tokens.length - 1; t++) {
      const [next, nll] = tf.tidy(() => {
        const hNew = gru(tf.gather(g.embed, [tokens[t]]), h);
        const logp = tf.logSoftmax(tf.matMul(hNew, g.out));
        return [hNew, logp.gather([tokens[t + 1]], 1).neg()];
      });
      surprise += nll.dataSync()[0];
      nll.dispose();
      h.dispose();
      h = next;
    }
    const score = surprise / (tokens.length - 1);
    scores.push(score);
    onScore?.(score, line);
  }
  h.dispose();
  return scores;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop());
if (isMain) {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const threshold = Number(process.env.LOGSCORE_THRESHOLD ?? 5.8);
  await scoreLines(rl, (score, line) => {
    const flag = score > threshold ? '!!' : '  ';
    process.stdout.write(`${flag} ${score.toFixed(3)}  ${line}\n`);
  });
}
