// expect: stale-state
import { tidy, zeros, matMul, tanh, variable, randomNormal, Tensor2D } from '@tensorflow/tfjs';

const Wx = variable(randomNormal([5, 7]));
const Wh = variable(randomNormal([7, 7]));

function rnnStep(x: Tensor2D, hPrev: Tensor2D): Tensor2D {
  return tidy(() => tanh(matMul(x, Wx).add(matMul(hPrev, Wh))) as Tensor2D);
}

export function predictNext(sequence: Tensor2D[]): Tensor2D[] {
  const state = zeros([1, 7]) as Tensor2D;
  const states: Tensor2D[] = [];
  for (let t = 0; t < sequence.length; t++) {
    states[t] = rnnStep(sequence[t], state);
  }
  return states;
}
