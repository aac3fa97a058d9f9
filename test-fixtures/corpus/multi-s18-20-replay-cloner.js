// expect: returns-input-state, bptt-cut
// Behaviour cloning from recorded game replays: a replay feed emits episodes, and an LSTM learns to imitate the player's moves.
const tf = require('@tensorflow/tfjs');
const { EventEmitter } = require('events');

const OBS = 6;
const UNITS = 16;
const MOVES = 3;

function LstmCell(seed) {
  this.W = tf.variable(tf.randomNormal([OBS + UNITS, 4 * UNITS], 0, 0.2, 'float32', seed));
  this.b = tf.variable(tf.zeros([4 * UNITS]));
}

LstmCell.prototype.step = function (x, h, c) {
  const z = tf.concat([x, h], 1).matMul(this.W).add(this.b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
  return [hNext, c];
};

function createCloner(seed = 200) {
  const cell = new LstmCell(seed);
  const Wp = tf.variable(tf.randomNormal([UNITS, MOVES], 0, 0.3, 'float32', seed + 1));
  const monitor = new EventEmitter();
  const optimizer = tf.train.adam(0.01);

  function episodeLoss(episode) {
    let h = tf.zeros([1, UNITS]);
    let c = tf.zeros([1, UNITS]);
    const losses = episode.frames.map((frame, t) => {
      const [hNext, cNext] = cell.step(tf.tensor2d([frame.obs]), h, c);
      const values = hNext.dataSync();
      monitor.emit('hidden', { t, values });
      h = tf.tensor2d(values, [1, UNITS]);
      c = cNext;
      const logits = hNext.matMul(Wp);
      const label = tf.oneHot(tf.tensor1d([frame.move], 'int32'), MOVES);
      return tf.losses.softmaxCrossEntropy(label, logits);
    });
    return tf.addN(losses).div(losses.length);
  }

  function trainOn(episode) {
    const loss = optimizer.minimize(() => episodeLoss(episode), true);
    const value = loss.dataSync()[0];
    loss.dispose();
    monitor.emit('trained', { id: episode.id, loss: value });
    return value;
  }

  return { cell, Wp, monitor, episodeLoss, trainOn };
}

function createReplayFeed() {
  const feed = new EventEmitter();
  feed.play = (episodes) => episodes.forEach((ep) => feed.emit('episode', ep));
  return feed;
}

function syntheticEpisode(id, length) {
  const frames = [];
  let remembered = 0;
  for (let t = 0; t < length; t++) {
    const cue = t === 0 ? (id % 3) - 1 : 0;
    if (t === 0) remembered = cue + 1;
    frames.push({ obs: [cue, t / length, Math.sin(t), Math.cos(t), 0, 1], move: remembered });
  }
  return { id, frames };
}

module.exports = { createCloner, createReplayFeed, syntheticEpisode, LstmCell };

if (require.main === module) {
  const cloner = createCloner();
  const feed = createReplayFeed();
  feed.on('episode', (ep) => tf.tidy(() => cloner.trainOn(ep)));
  cloner.monitor.on('trained', ({ id, loss }) => {
    if (id % 20 === 0) console.log(`episode ${id} loss ${loss.toFixed(4)}`);
  });
  feed.play(Array.from({ length: 100 }, (_, i) => syntheticEpisode(i, 8)));
}
