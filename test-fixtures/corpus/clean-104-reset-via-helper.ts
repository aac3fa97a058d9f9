// expect: none
import * as tf from '@tensorflow/tfjs';

const H = 10;
const cell = tf.layers.gruCell({ units: H });
cell.build([null, 3]);

function initialState(): tf.Tensor {
  return tf.zeros([1, H]);
}

function resetAll(model: tf.LayersModel): void {
  model.resetStates();
}

export function encodeGames(games: tf.Tensor2D[][]): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  let h = initialState();
  for (const game of games) {
    h = initialState();
    for (const move of game) {
      [, h] = cell.call([move, h], {}) as tf.Tensor[];
    }
    out.push(h);
  }
  return out;
}

export function scoreGames(model: tf.LayersModel, games: tf.Tensor3D[]): number[] {
  // `model` contains a stateful GRU; resetAll clears it before every game.
  return games.map((g) => {
    resetAll(model);
    return (model.predict(g) as tf.Tensor).dataSync()[0];
  });
}
