// expect: state-leak
// GRU policy agent for episodic environments that reports its progress through events.
'use strict';

const tf = require('@tensorflow/tfjs');
const { EventEmitter } = require('events');

const DEFAULTS = Object.freeze({ hiddenSize: 16, maxSteps: 200, greedy: true, seed: 3 });

/**
 * Recurrent policy. Memory is carried between `act` calls so that a decision can
 * depend on everything observed so far in the episode.
 *
 * Events: 'episode:start', 'step' ({ t, action, reward }), 'episode:end' ({ steps, reward }).
 */
class RecurrentPolicyAgent extends EventEmitter {
  /**
   * @param {number} obsSize
   * @param {number} numActions
   * @param {Partial<typeof DEFAULTS>} [options]
   */
  constructor(obsSize, numActions, options = {}) {
    super();
    this.opts = Object.assign({}, DEFAULTS, options);
    const H = this.opts.hiddenSize;
    const init = (shape, k) =>
      tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', this.opts.seed + k));
    this.wx = init([obsSize, 3 * H], 0);
    this.wh = init([H, 3 * H], 1);
    this.b = tf.variable(tf.zeros([3 * H]));
    this.wOut = init([H, numActions], 2);
    this.memory = tf.zeros([1, H]);
    this.stepCount = 0;
    this.episodeReward = 0;
    this.rngState = this.opts.seed >>> 0;
  }

  /** Bookkeeping for a new episode. */
  beginEpisode() {
    this.stepCount = 0;
    this.episodeReward = 0;
    this.emit('episode:start');
  }

  /** Action probabilities for one observation; advances the memory. */
  policy(observation) {
    const { probs, next } = tf.tidy(() => {
      const x = tf.tensor2d([observation]);
      const [xz, xr, xn] = tf.split(tf.matMul(x, this.wx).add(this.b), 3, 1);
      const [hz, hr, hn] = tf.split(tf.matMul(this.memory, this.wh), 3, 1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const n = tf.tanh(xn.add(r.mul(hn)));
      const hNew = tf.sub(1, z).mul(n).add(z.mul(this.memory));
      return { probs: tf.softmax(tf.matMul(hNew, this.wOut)), next: hNew };
    });
    this.memory.dispose();
    this.memory = next;
    const p = Array.from(probs.dataSync());
    probs.dispose();
    return p;
  }

  act(observation) {
    const p = this.policy(observation);
    if (this.opts.greedy) {
      return p.indexOf(Math.max(...p));
    }
    // xorshift so runs are reproducible
    this.rngState ^= this.rngState << 13;
    this.rngState ^= this.rngState >>> 17;
    this.rngState ^= this.rngState << 5;
    let u = (this.rngState >>> 0) / 4294967296;
    for (let a = 0; a < p.length; a++) {
      u -= p[a];
      if (u <= 0) return a;
    }
    return p.length - 1;
  }

  /** Plays one episode in `env` ({ reset(), step(action) }, possibly async). */
  async runEpisode(env) {
    this.beginEpisode();
    let obs = await env.reset();
    for (let t = 0; t < this.opts.maxSteps; t++) {
      const action = this.act(obs);
      const { observation, reward, done } = await env.step(action);
      this.stepCount += 1;
      this.episodeReward += reward;
      this.emit('step', { t, action, reward });
      obs = observation;
      if (done) break;
    }
    this.emit('episode:end', { steps: this.stepCount, reward: this.episodeReward });
    return this.episodeReward;
  }

  /** Average return over `episodes` fresh environments from `makeEnv`. */
  async evaluate(makeEnv, episodes = 10) {
    let total = 0;
    for (let i = 0; i < episodes; i++) {
      total += await this.runEpisode(makeEnv(i));
    }
    return total / episodes;
  }

  dispose() {
    tf.dispose([this.wx, this.wh, this.b, this.wOut, this.memory]);
  }
}

module.exports = { RecurrentPolicyAgent, DEFAULTS };
