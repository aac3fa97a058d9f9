// expect: none
// Agent for a treasure-room game: attends over the room's item list (padded to a fixed size) from an LSTM core.
import * as tf from '@tensorflow/tfjs';

const MAX_ITEMS = 6;
const ITEM_FEATS = 3;
const UNITS = 16;
const KEY = 8;

export function createAgent(obsSize, nActions) {
  const w = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 0.3));
  const p = {
    Wk: w(ITEM_FEATS, KEY), Wv: w(ITEM_FEATS, KEY), Wq: w(UNITS, KEY),
    W: w(obsSize + KEY, 4 * UNITS), U: w(UNITS, 4 * UNITS), b: tf.variable(tf.zeros([4 * UNITS])),
    Wa: w(UNITS, nActions),
  };
  let memory = null; // { keys, values, maskBias } fixed for the whole episode
  let h = null;
  let c = null;

  function beginEpisode(items) {
    if (memory) tf.dispose([memory.keys, memory.values, memory.maskBias, h, c]);
    memory = tf.tidy(() => {
      const padded = items.concat(Array(MAX_ITEMS - items.length).fill([0, 0, 0]));
      const feats = tf.tensor2d(padded);
      const valid = tf.tensor1d(padded.map((_, i) => (i < items.length ? 0 : -1e9)));
      return { keys: feats.matMul(p.Wk), values: feats.matMul(p.Wv), maskBias: valid.expandDims(0) };
    });
    h = tf.zeros([1, UNITS]);
    c = tf.zeros([1, UNITS]);
  }

  function attend(query, mem) {
    const scores = query.matMul(p.Wq).matMul(mem.keys.transpose()).div(Math.sqrt(KEY)).add(mem.maskBias);
    return tf.softmax(scores).matMul(mem.values);
  }

  function step(obs) {
    const [hNext, cNext, logits] = tf.tidy(() => {
      const context = attend(h, memory);
      const x = tf.concat([tf.tensor2d([obs]), context], 1);
      const [i, f, g, o] = tf.split(x.matMul(p.W).add(h.matMul(p.U)).add(p.b), 4, 1);
      const cN = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const hN = tf.sigmoid(o).mul(tf.tanh(cN));
      return [hN, cN, hN.matMul(p.Wa)];
    });
    tf.dispose([h, c]);
    h = hNext;
    c = cNext;
    const action = tf.tidy(() => tf.multinomial(logits, 1).dataSync()[0]);
    logits.dispose();
    return action;
  }

  return { beginEpisode, step, params: p };
}

// Items are [x, y, value]; the agent sees its own position and must walk to the most valuable item.
export function makeRoom() {
  let pos;
  let items;
  return {
    reset() {
      pos = [0, 0];
      const n = 2 + Math.floor(Math.random() * (MAX_ITEMS - 2));
      items = Array.from({ length: n }, () => [Math.floor(Math.random() * 5), Math.floor(Math.random() * 5), Math.random()]);
      return { obs: [pos[0] / 5, pos[1] / 5], items };
    },
    step(action) {
      const moves = [[1, 0], [-1, 0], [0, 1], [0, -1]];
      pos = pos.map((v, k) => Math.max(0, Math.min(4, v + moves[action][k])));
      const hit = items.findIndex((it) => it[0] === pos[0] && it[1] === pos[1]);
      const reward = hit >= 0 ? items[hit][2] : 0;
      return { obs: [pos[0] / 5, pos[1] / 5], reward, done: hit >= 0 };
    },
  };
}

export async function play(episodes = 4, maxSteps = 30) {
  const agent = createAgent(2, 4);
  const room = makeRoom();
  const scores = [];
  for (let ep = 0; ep < episodes; ep++) {
    const { obs: first, items } = room.reset();
    agent.beginEpisode(items);
    let obs = first;
    let score = 0;
    for (let t = 0; t < maxSteps; t++) {
      const res = room.step(agent.step(obs));
      score += res.reward;
      obs = res.obs;
      if (res.done) break;
    }
    scores.push(Number(score.toFixed(3)));
    await new Promise((r) => setTimeout(r, 0));
  }
  return { scores, tensors: tf.memory().numTensors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  play().then((r) => console.log(r));
}
