// expect: stale-state
// Replay viewer for recorded Connect-Four games: runs the recurrent critic over the moves and prints win odds per move.
import * as tf from '@tensorflow/tfjs';

const COLS = 7;
const HID = 20;

export function loadCritic() {
  const v = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.3));
  return { Wx: v([COLS + 1, HID]), Wh: v([HID, HID]), bh: tf.variable(tf.zeros([HID])), wv: v([HID, 1]) };
}

function cell(p, x, h) {
  return tf.tanh(tf.matMul(x, p.Wx).add(tf.matMul(h, p.Wh)).add(p.bh));
}

function valueOf(p, h) {
  return tf.sigmoid(tf.matMul(h, p.wv));
}

// a move is encoded as the one-hot column plus whose turn it was
function encodeMove(col, player) {
  const v = new Array(COLS + 1).fill(0);
  v[col] = 1;
  v[COLS] = player === 1 ? 1 : -1;
  return tf.tensor2d([v]);
}

export function winOdds(critic, moves) {
  return tf.tidy(() => {
    const start = { h: tf.zeros([1, HID]), odds: [] };
    const { odds } = moves.reduce(({ h, odds }, col, i) => {
      const hNext = cell(critic, encodeMove(col, i % 2 === 0 ? 1 : 2), start.h);
      return { h: hNext, odds: [...odds, valueOf(critic, hNext).dataSync()[0]] };
    }, start);
    return odds;
  });
}

export function describe(moves, odds) {
  return moves
    .map((col, i) => `${i % 2 === 0 ? 'X' : 'O'} -> col ${col}: P(X wins) = ${(odds[i] * 100).toFixed(1)}%`)
    .join('\n');
}

export async function viewGames(critic, games, delayMs = 0) {
  const summaries = [];
  for (const game of games) {
    const odds = winOdds(critic, game.moves);
    summaries.push({ id: game.id, final: odds.at(-1), swing: Math.max(...odds) - Math.min(...odds) });
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  }
  return summaries;
}

const sampleGames = [
  { id: 'g1', moves: [3, 3, 4, 2, 5, 6, 2] },
  { id: 'g2', moves: [0, 1, 0, 1, 0, 1, 0] },
  { id: 'g3', moves: [3, 4, 3, 4, 2, 2, 5, 1] },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const critic = loadCritic();
  console.log(describe(sampleGames[0].moves, winOdds(critic, sampleGames[0].moves)));
  viewGames(critic, sampleGames).then((s) => console.table(s));
}
