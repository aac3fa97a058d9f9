// expect: stacked-activation
import { layers, tidy, relu, tanh, matMul, add, variable, randomNormal, Tensor, Tensor2D } from '@tensorflow/tfjs';

export class DoubleSquashCell extends layers.RNNCell {
  static className = 'DoubleSquashCell';
  stateSize = 20;
  private kernel = variable(randomNormal([10, 20], 0, 0.1));
  private recurrentKernel = variable(randomNormal([20, 20], 0, 0.1));

  constructor() {
    super({});
  }

  override call(inputs: Tensor | Tensor[]): Tensor[] {
    return tidy(() => {
      const x = (inputs as Tensor[])[0] as Tensor2D;
      const hPrev = (inputs as Tensor[])[1] as Tensor2D;
      const pre = add(matMul(x, this.kernel), matMul(hPrev, this.recurrentKernel));
      const h = relu(tanh(pre));
      return [h, h];
    });
  }
}
