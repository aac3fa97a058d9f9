// expect: none
import { tanh as squash, sigmoid as gateFn, matMul, Tensor2D } from '@tensorflow/tfjs';

export function recur(x: Tensor2D, s: Tensor2D, W: Tensor2D, U: Tensor2D, Wg: Tensor2D): Tensor2D {
  const pre = matMul(x, W).add(matMul(s, U));
  const g = gateFn(matMul(x, Wg));
  return g.mul(squash(pre)).add(g.neg().add(1).mul(s)) as Tensor2D;
}
