// expect: stacked-activation
import { softplus, relu, matMul, add, Tensor2D } from '@tensorflow/tfjs';

export function rateStep(x: Tensor2D, h: Tensor2D, W: Tensor2D, U: Tensor2D): Tensor2D {
  return softplus(relu(add(matMul(x, W), matMul(h, U))));
}
