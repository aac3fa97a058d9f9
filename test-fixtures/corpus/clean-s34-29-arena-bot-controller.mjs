// expect: none
// Event-driven controller for arena-game bots: each bot keeps an LSTM memory for the current round and picks a move every tick.
import * as tf from '@tensorflow/tfjs';
import { EventEmitter } from 'node:events';

const OBS = 18;
const UNITS = 40;
const MOVES = ['idle', 'up', 'down', 'left', 'right', 'shoot', 'shield'];

function lstm(w, x, h, c) {
  const z = x.matMul(w.W).add(h.matMul(w.U)).add(w.b);
  const [zi, zf, zo, zg] = tf.split(z, 4, 1);
  const cNew = tf.sigmoid(zf).mul(c).add(tf.sigmoid(zi).mul(tf.tanh(zg)));
  const hNew = tf.sigmoid(zo).mul(tf.tanh(cNew));
  return [hNew, cNew];
}

export class BotController extends EventEmitter {
  constructor(weights, game) {
    super();
    this.w = weights;
    this.game = game;
    this.memory = new Map(); // botId -> { h, c }
    game.on('round-start', ({ botIds }) => this.startRound(botIds));
    game.on('tick', (frame) => this.onTick(frame));
    game.on('bot-eliminated', ({ botId }) => this.release(botId));
    game.on('round-end', () => this.releaseAll());
  }

  startRound(botIds) {
    this.releaseAll();
    for (const id of botIds) {
      this.memory.set(id, { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) });
    }
  }

  decide(botId, observation) {
    const mem = this.memory.get(botId);
    if (!mem) return null;
    const [logits, h, c] = tf.tidy(() => {
      const x = tf.tensor2d([observation], [1, OBS]);
      const [hNew, cNew] = lstm(this.w, x, mem.h, mem.c);
      return [hNew.matMul(this.w.Wa).add(this.w.ba), hNew, cNew];
    });
    tf.dispose([mem.h, mem.c]);
    this.memory.set(botId, { h, c });
    const move = logits.argMax(1);
    const idx = move.dataSync()[0];
    tf.dispose([logits, move]);
    return MOVES[idx];
  }

  onTick(frame) {
    const moves = {};
    for (const { botId, observation } of frame.bots) {
      const move = this.decide(botId, observation);
      if (move) moves[botId] = move;
    }
    this.game.submitMoves(frame.tick, moves);
    this.emit('moves', { tick: frame.tick, count: Object.keys(moves).length });
  }

  release(botId) {
    const mem = this.memory.get(botId);
    if (mem) tf.dispose([mem.h, mem.c]);
    this.memory.delete(botId);
  }

  releaseAll() {
    for (const id of [...this.memory.keys()]) this.release(id);
  }
}

export async function connect(gameClient, weightsUrl) {
  const res = await fetch(weightsUrl);
  const raw = await res.json();
  const weights = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, tf.tensor(v.data, v.shape)]));
  const controller = new BotController(weights, gameClient);
  controller.on('moves', ({ tick, count }) => {
    if (tick % 600 === 0) console.log(`tick ${tick}: ${count} bots moved, tensors=${tf.memory().numTensors}`);
  });
  await gameClient.join();
  return controller;
}
