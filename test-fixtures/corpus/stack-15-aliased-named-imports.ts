// expect: stacked-activation
import { tanh as squash, sigmoid as gateFn, matMul, Tensor2D } from '@tensorflow/tfjs';

export function recur(x: Tensor2D, s: Tensor2D, W: Tensor2D, U: Tensor2D): Tensor2D {
  const pre = matMul(x, W).add(matMul(s, U));
  return gateFn(squash(pre)) as Tensor2D;
}
