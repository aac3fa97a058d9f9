// expect: stacked-activation
// Card-counting blackjack bot: a GRU reads the last few dealt cards and a policy head picks hit/stand/double.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 8;
const CARD_FEATS = 11; // one-hot card value 1..10 + "is mine" flag
const ACTIONS = ['hit', 'stand', 'double'];

export function buildPolicy() {
  const input = tf.input({ shape: [WINDOW, CARD_FEATS] });
  const seq = tf.layers.gru({ units: 32, returnSequences: false }).apply(input);
  const hidden = tf.layers.dense({ units: 32, activation: 'relu' }).apply(seq);
  const probs = tf.layers.dense({ units: ACTIONS.length, activation: 'softmax' }).apply(hidden);
  return tf.model({ inputs: input, outputs: probs });
}

function encodeCard(value, mine) {
  const v = new Array(CARD_FEATS).fill(0);
  v[Math.min(value, 10) - 1] = 1;
  v[10] = mine ? 1 : 0;
  return v;
}

function windowTensor(history) {
  const recent = history.slice(-WINDOW);
  const padded = Array(WINDOW - recent.length).fill(new Array(CARD_FEATS).fill(0)).concat(recent);
  return tf.tensor3d([padded]);
}

export function choose(model, history, explore = true) {
  return tf.tidy(() => {
    const out = model.predict(windowTensor(history));
    const dist = tf.softmax(out).dataSync();
    if (!explore) return dist.indexOf(Math.max(...dist));
    let u = Math.random();
    for (let a = 0; a < dist.length; a++) {
      u -= dist[a];
      if (u <= 0) return a;
    }
    return dist.length - 1;
  });
}

function draw() {
  return 1 + Math.floor(Math.random() * 13);
}

function handValue(cards) {
  let total = cards.reduce((s, c) => s + Math.min(c, 10), 0);
  if (cards.includes(1) && total + 10 <= 21) total += 10;
  return total;
}

export function playHand(model, history) {
  const mine = [draw(), draw()];
  const dealer = [draw()];
  mine.forEach((c) => history.push(encodeCard(c, true)));
  history.push(encodeCard(dealer[0], false));
  let stake = 1;
  for (;;) {
    const a = ACTIONS[choose(model, history)];
    if (a === 'stand') break;
    const card = draw();
    mine.push(card);
    history.push(encodeCard(card, true));
    if (a === 'double') {
      stake = 2;
      break;
    }
    if (handValue(mine) > 21) return -stake;
  }
  if (handValue(mine) > 21) return -stake;
  while (handValue(dealer) < 17) {
    const card = draw();
    dealer.push(card);
    history.push(encodeCard(card, false));
  }
  const me = handValue(mine);
  const them = handValue(dealer);
  return them > 21 || me > them ? stake : me === them ? 0 : -stake;
}

export async function session(hands = 20) {
  const model = buildPolicy();
  let bankroll = 0;
  for (let i = 0; i < hands; i++) {
    const history = []; // fresh shoe for every hand in this simplified table
    bankroll += playHand(model, history);
    if (i % 5 === 4) await tf.nextFrame();
  }
  model.dispose();
  return bankroll;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  session().then((b) => console.log('bankroll after session:', b));
}
